// The DMN a new decision table starts from: one UNIQUE table with one input, one output and one
// rule, for a designer to rename and fill in.

export const NEW_DECISIONS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="decisions" name="Decisions" namespace="https://casemap.dev/decisions">
  <decision id="decision" name="Decision">
    <decisionTable id="decision-table" hitPolicy="UNIQUE">
      <input id="input-1" label="Input">
        <inputExpression id="input-expression-1" typeRef="string"><text></text></inputExpression>
      </input>
      <output id="output-1" name="result" label="Result" typeRef="string" />
      <rule id="rule-1">
        <inputEntry id="rule-1-input-1"><text>-</text></inputEntry>
        <outputEntry id="rule-1-output-1"><text></text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="decisions-diagram">
      <dmndi:DMNShape id="decision-shape" dmnElementRef="decision"><dc:Bounds x="160" y="80" width="180" height="80" /></dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>`;
