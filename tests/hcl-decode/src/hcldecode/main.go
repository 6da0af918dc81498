// hcldecode reads a generated *.tf.json or *.pkr.json file the way Terraform and Packer do, with HashiCorp's
// own parser (hcl/v2), and prints every string in it, keys included, as JSON lines:
//
//	{"path": "/resource/aws_vpc/main/tags", "key": "Name", "literal": "…", "parts": [{"lit": "…"}, {"expr": "var.env"}]}
//
// "literal" is the string as a position that reads literals sees it; "parts" is the same string read as an HCL
// template (where Terraform and Packer read expressions), literal parts merged, interpolations by their source.
// A file hcl/v2 rejects exits 1 with its diagnostics. The DslInfra tests compare both forms with the C# values.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

type part struct {
	Lit  *string `json:"lit,omitempty"`
	Expr *string `json:"expr,omitempty"`
}

type entry struct {
	Path          string `json:"path"`
	Key           *bool  `json:"key,omitempty"`
	Literal       string `json:"literal"`
	Parts         []part `json:"parts"`
	TemplateError string `json:"template_error,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hcldecode FILE.json")
		os.Exit(2)
	}
	src, err := ioutil.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// The file must be one hcl/v2 accepts, as Terraform and Packer would load it.
	file, diags := hcljson.Parse(src, os.Args[1])
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags.Error())
		os.Exit(1)
	}
	if _, diags := file.Body.JustAttributes(); diags.HasErrors() && !strings.Contains(diags.Error(), "block") {
		// JustAttributes reports blocks as unexpected; anything else is a real problem.
		fmt.Fprintln(os.Stderr, diags.Error())
		os.Exit(1)
	}
	decoder := json.NewDecoder(bytes.NewReader(src))
	decoder.UseNumber()
	var root interface{}
	if err := decoder.Decode(&root); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	walk(out, "", root)
}

func walk(out *json.Encoder, path string, value interface{}) {
	switch v := value.(type) {
	case map[string]interface{}:
		for key, child := range v {
			isKey := true
			emit(out, path, &isKey, key)
			walk(out, path+"/"+key, child)
		}
	case []interface{}:
		for i, child := range v {
			walk(out, fmt.Sprintf("%s/%d", path, i), child)
		}
	case string:
		emit(out, path, nil, v)
	}
}

func emit(out *json.Encoder, path string, key *bool, text string) {
	e := entry{Path: path, Key: key, Literal: text, Parts: []part{}}
	// What hcl/v2's json package does with a string where the schema reads an expression.
	expr, diags := hclsyntax.ParseTemplate([]byte(text), "string", hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		e.TemplateError = diags.Error()
	} else {
		e.Parts = parts([]byte(text), expr)
	}
	if err := out.Encode(e); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func parts(src []byte, expr hclsyntax.Expression) []part {
	var pieces []hclsyntax.Expression
	switch t := expr.(type) {
	case *hclsyntax.TemplateExpr:
		pieces = t.Parts
	case *hclsyntax.TemplateWrapExpr:
		pieces = []hclsyntax.Expression{t.Wrapped}
	default:
		pieces = []hclsyntax.Expression{expr}
	}
	result := []part{}
	for _, piece := range pieces {
		// A part that needs no variables (a literal, or an interpolated "$") is text; anything else is a reference.
		if value, diags := piece.Value(nil); !diags.HasErrors() && value.Type() == cty.String && value.IsKnown() && !value.IsNull() {
			text := value.AsString()
			if n := len(result); n > 0 && result[n-1].Lit != nil {
				merged := *result[n-1].Lit + text
				result[n-1].Lit = &merged
			} else {
				result = append(result, part{Lit: &text})
			}
			continue
		}
		r := piece.Range()
		source := string(r.SliceBytes(src))
		result = append(result, part{Expr: &source})
	}
	return result
}
