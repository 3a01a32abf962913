import { createModdle } from '/work/main/domain/process/moddle.ts';
import { parseExpression } from 'feelin';
const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
<bpmn:process id="p" isExecutable="true" casework:calendar="calendar-days">
<bpmn:userTask id="__proto__" name="X" casework:team="T" camunda:assignee="bob" camunda:candidateGroups="a,b">
 <bpmn:extensionElements><casework:form><casework:field name="n" type="string" required="true"/></casework:form>
 <zeebe:assignmentDefinition candidateGroups="g1" /><zeebe:taskDefinition type="x" retries="3"/><foo:bar xmlns:foo="urn:foo"/></bpmn:extensionElements>
</bpmn:userTask>
<bpmn:sequenceFlow id="f" sourceRef="__proto__" targetRef="missing"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=a &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>
<bpmn:weird id="w"/>
</bpmn:process></bpmn:definitions>`;
const m = createModdle();
const r = await m.fromXML(xml);
const p = (r.rootElement as any).rootElements[0];
const t = p.flowElements[0];
console.log(t.$type, t.id, t.get('casework:team'), t.get('camunda:assignee'), t.get('candidateGroups'), t.$attrs);
console.log(t.extensionElements.values.map((v: any) => [v.$type, v.fields?.length, v.candidateGroups, v.retries]));
console.log(p.flowElements[1].sourceRef?.id, p.flowElements[1].targetRef, p.flowElements[1].conditionExpression.body, p.flowElements[1].conditionExpression.$type);
console.log(r.warnings.map(w => w.message));
console.log(p.get('casework:calendar'));
try { await m.fromXML('<a><b></a>'); } catch (e) { console.log('err', (e as Error).message); }
try { const r2 = await m.fromXML('<?xml version="1.0"?><foo/>'); console.log('ok?', r2.rootElement, r2.warnings.map(w=>w.message)); } catch (e) { console.log('err2', (e as Error).message); }
const tree = parseExpression('a > 1 and', {}, undefined);
let bad = false; tree.iterate({ enter: (n: any) => { if (n.type.isError) bad = true; } });
console.log('bad', bad, tree.toString());
try { const t2 = parseExpression('a >', {}, undefined); console.log(t2.toString()); } catch(e) { console.log('feel throws', (e as Error).message); }
