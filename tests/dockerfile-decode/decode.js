// Reads a Dockerfile with dockerfile-ast (the parser of the VS Code Dockerfile language server) and prints, as JSON,
// every instruction's keyword, and every ENV property's name and value as that parser reads them, plus the exec-form
// arrays of COPY, ENTRYPOINT and CMD. DslInfra's tests compare them with the C# values the Dockerfile came from.
const fs = require('fs');
const { DockerfileParser } = require('dockerfile-ast');
const dockerfile = DockerfileParser.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = { instructions: [], env: [], exec: [] };
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  result.instructions.push(keyword);
  if (keyword === 'ENV')
    for (const property of instruction.getProperties())
      result.env.push([property.getName(), property.getValue()]);
  if (keyword === 'COPY' || keyword === 'ENTRYPOINT' || keyword === 'CMD')
    result.exec.push([keyword, JSON.parse(instruction.getArgumentsContent())]);
}
process.stdout.write(JSON.stringify(result));
