// A small synthetic OCEL 2.0 log with what the PM4Py agreement on objects needs: object attributes with
// initial values and later changes, object-to-object relations under several qualifiers, events with
// attributes, each written as OCEL 2.0 JSON and XML. Every object takes part in some event and no event
// relates to one object twice (PM4Py drops objects without events, and its JSON and XML readers keep
// a repeated relation differently); attribute types are strings, so PM4Py keeps values as written.
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';
import { escapeXml } from '../../domain/insights/formats/xes-export.ts';

interface SyntheticObject {
  id: string;
  type: string;
  attributes: { name: string; time: string; value: string }[];
  relationships: { objectId: string; qualifier: string }[];
}

interface SyntheticEvent {
  id: string;
  type: string;
  time: string;
  attributes: { name: string; value: string }[];
  relationships: { objectId: string; qualifier: string }[];
}

const EPOCH = '1970-01-01T00:00:00Z';
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `orders` orders of one customer each, two to four items each, shipped in deliveries of up to three orders. */
export function syntheticOcelWithObjects(orders = 24, seed = 2023): { json: string; xml: string } {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const objects: SyntheticObject[] = [];
  const events: SyntheticEvent[] = [];
  const customers = Array.from({ length: Math.ceil(orders / 3) }, (_, k): SyntheticObject => ({ id: `customer-${k + 1}`, type: 'customer', attributes: [{ name: 'segment', time: EPOCH, value: pick(['retail', 'trade']) }], relationships: [] }));
  let clock = Date.parse('2026-03-02T08:00:00Z');
  const next = () => (clock += Math.round((1 + random() * 5) * 3_600_000));
  let delivery: SyntheticObject | undefined;
  for (let n = 1; n <= orders; n += 1) {
    const customer = customers[(n - 1) % customers.length]!;
    const order: SyntheticObject = { id: `order-${n}`, type: 'order', attributes: [{ name: 'status', time: EPOCH, value: 'placed' }, { name: 'priority', time: EPOCH, value: pick(['low', 'high']) }], relationships: [{ objectId: customer.id, qualifier: 'placed by' }] };
    const items = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, k): SyntheticObject => ({ id: `item-${n}-${k + 1}`, type: 'item', attributes: [{ name: 'price', time: EPOCH, value: String(5 + Math.floor(random() * 95)) }], relationships: [] }));
    order.relationships.push(...items.map((item) => ({ objectId: item.id, qualifier: 'comprises' })));
    objects.push(order, ...items);
    events.push({ id: `place-${n}`, type: 'place order', time: iso(next()), attributes: [{ name: 'channel', value: pick(['web', 'phone']) }], relationships: [{ objectId: order.id, qualifier: 'order' }, { objectId: customer.id, qualifier: 'customer' }, ...items.map((item) => ({ objectId: item.id, qualifier: 'item' }))] });
    for (const item of items) {
      const picked = next();
      events.push({ id: `pick-${item.id}`, type: 'pick item', time: iso(picked), attributes: [], relationships: [{ objectId: item.id, qualifier: 'picked' }] });
      // Some prices change once picked.
      if (random() < 0.3) item.attributes.push({ name: 'price', time: iso(picked), value: String(1 + Math.floor(random() * 99)) });
    }
    if (!delivery || delivery.relationships.length >= 9) {
      delivery = { id: `delivery-${objects.filter((o) => o.type === 'delivery').length + 1}`, type: 'delivery', attributes: [], relationships: [] };
      objects.push(delivery);
    }
    delivery.relationships.push(...items.map((item) => ({ objectId: item.id, qualifier: 'carries' })));
    const sent = next();
    events.push({ id: `send-${n}`, type: 'send package', time: iso(sent), attributes: [], relationships: [{ objectId: delivery.id, qualifier: 'delivery' }, { objectId: order.id, qualifier: 'order' }, ...items.map((item) => ({ objectId: item.id, qualifier: 'packed' }))] });
    order.attributes.push({ name: 'status', time: iso(sent), value: 'sent' });
    if (random() < 0.7) {
      const paid = next();
      events.push({ id: `pay-${n}`, type: 'pay order', time: iso(paid), attributes: [{ name: 'method', value: pick(['card', 'invoice']) }], relationships: [{ objectId: order.id, qualifier: 'order' }] });
      order.attributes.push({ name: 'status', time: iso(paid), value: 'paid' });
    }
  }
  objects.push(...customers);
  const attributeTypes = (names: string[]) => names.map((name) => ({ name, type: 'string' }));
  const objectTypes = [
    { name: 'order', attributes: attributeTypes(['status', 'priority']) },
    { name: 'item', attributes: attributeTypes(['price']) },
    { name: 'delivery', attributes: [] },
    { name: 'customer', attributes: attributeTypes(['segment']) },
  ];
  const eventTypes = [
    { name: 'place order', attributes: attributeTypes(['channel']) },
    { name: 'pick item', attributes: [] },
    { name: 'send package', attributes: [] },
    { name: 'pay order', attributes: attributeTypes(['method']) },
  ];
  const json = JSON.stringify({ objectTypes, eventTypes, objects, events }, null, 1);
  const a = (value: string) => escapeXml(value);
  const types = (tag: string, list: { name: string; attributes: { name: string; type: string }[] }[]) =>
    list.map((t) => `<${tag} name="${a(t.name)}"><attributes>${t.attributes.map((x) => `<attribute name="${a(x.name)}" type="${x.type}"/>`).join('')}</attributes></${tag}>`).join('\n');
  const relations = (list: { objectId: string; qualifier: string }[]) => `<objects>${list.map((r) => `<relationship object-id="${a(r.objectId)}" qualifier="${a(r.qualifier)}"/>`).join('')}</objects>`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log>',
    `<object-types>\n${types('object-type', objectTypes)}\n</object-types>`,
    `<event-types>\n${types('event-type', eventTypes)}\n</event-types>`,
    '<objects>',
    ...objects.map((o) => `<object id="${a(o.id)}" type="${a(o.type)}"><attributes>${o.attributes.map((x) => `<attribute name="${a(x.name)}" time="${x.time}">${a(x.value)}</attribute>`).join('')}</attributes>${relations(o.relationships)}</object>`),
    '</objects>',
    '<events>',
    ...events.map((e) => `<event id="${a(e.id)}" type="${a(e.type)}" time="${e.time}"><attributes>${e.attributes.map((x) => `<attribute name="${a(x.name)}">${a(x.value)}</attribute>`).join('')}</attributes>${relations(e.relationships)}</event>`),
    '</events>',
    '</log>',
    '',
  ].join('\n');
  return { json, xml };
}
