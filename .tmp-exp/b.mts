import { createModdle } from '../domain/process/moddle.ts';
const m = createModdle();
const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p"><bpmn:task id="constructor"/><bpmn:task id="constructor"/><bpmn:boundaryEvent id="hasOwnProperty" attachedToRef="nope"/><bpmn:sequenceFlow id="f" sourceRef="x"/></bpmn:process></bpmn:definitions>`;
const r = await m.fromXML(xml);
for (const w of r.warnings) console.log(JSON.stringify({m: w.message, el: w.element?.id, t: w.element?.$type, p: w.property, v: w.value}));
const p = (r.rootElement as any).rootElements[0];
console.log(p.isExecutable, p.flowElements.map((e: any) => [e.id, e.cancelActivity]));
let deep = '';
for (let i = 0; i < 5000; i++) deep += '<bpmn:subProcess id="s' + i + '">';
for (let i = 0; i < 5000; i++) deep += '</bpmn:subProcess>';
const t0 = performance.now();
try { const r2 = await m.fromXML(`<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p">${deep}</bpmn:process></bpmn:definitions>`); console.log('deep ok', r2.warnings.length, performance.now()-t0); } catch (e) { console.log('deep err', (e as Error).message.slice(0,100)); }
