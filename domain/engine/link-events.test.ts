import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { ir, team } from './ir-builder.testing.ts';

const link = (linkName: string) => ({ trigger: { type: 'link' as const, linkName } });

describe('link events', () => {
  it('moves the token from a throwing link to the catching link of the same name and on from there', () => {
    // given s → a → throw "review" … catch "review" → b → e (no flow between the two halves)
    const process = ir()
      .node('s', 'startEvent').node('a', 'userTask', { owner: team('A') }).node('go', 'intermediateThrowEvent', link('review'))
      .node('land', 'intermediateCatchEvent', link('review')).node('b', 'userTask', { owner: team('A') }).node('e', 'endEvent')
      .node('other', 'intermediateCatchEvent', link('elsewhere')).node('c', 'userTask', { owner: team('A') })
      .seq('s', 'a', 'go').seq('land', 'b', 'e').seq('other', 'c')
      .build();
    // when
    const run = new Driver(process).complete('a');
    // then
    expect(run.waitingAt()).toEqual(['b']);
    expect(run.entered()).toEqual(['s', 'a', 'go', 'land', 'b']);
    run.complete('b');
    expect(run.state.status).toBe('completed');
  });

  it('does not start a case at a catching link event, though nothing flows into it', () => {
    const process = ir()
      .node('s', 'startEvent').node('a', 'userTask', { owner: team('A') }).node('e', 'endEvent')
      .node('land', 'intermediateCatchEvent', link('later')).node('b', 'userTask', { owner: team('A') })
      .seq('s', 'a', 'e').seq('land', 'b')
      .build();
    expect(new Driver(process).waitingAt()).toEqual(['a']);
  });

  it('jumps within its own sub-process, not to a catch of the same name outside it', () => {
    // given a link "again" inside the sub-process and another outside it
    const process = ir()
      .node('s', 'startEvent').node('sub', 'subProcess').node('e', 'endEvent')
      .node('outside', 'intermediateCatchEvent', link('again')).node('wrong', 'userTask', { owner: team('A') })
      .node('s1', 'startEvent', { parentId: 'sub' }).node('go', 'intermediateThrowEvent', { parentId: 'sub', ...link('again') })
      .node('inside', 'intermediateCatchEvent', { parentId: 'sub', ...link('again') }).node('right', 'userTask', { parentId: 'sub', owner: team('A') })
      .node('e1', 'endEvent', { parentId: 'sub' })
      .seq('s', 'sub', 'e').seq('outside', 'wrong').seq('s1', 'go').seq('inside', 'right', 'e1')
      .build();
    // when
    const run = new Driver(process);
    // then
    expect(run.waitingAt()).toEqual(['right', 'sub']);
    run.complete('right');
    expect(run.state.status).toBe('completed');
  });

  it('loops back through a link, as a "go to" drawn without a long flow', () => {
    // given s → a → gateway (again? → throw "retry") ; catch "retry" → a
    const process = ir()
      .node('s', 'startEvent').node('land', 'intermediateCatchEvent', link('retry')).node('join', 'exclusiveGateway')
      .node('a', 'userTask', { owner: team('A') }).node('again', 'exclusiveGateway', { defaultFlow: 'done' })
      .node('go', 'intermediateThrowEvent', link('retry')).node('e', 'endEvent')
      .seq('s', 'join', 'a', 'again').seq('land', 'join').flow('again', 'go', { condition: 'retry = true' }).flow('again', 'e', { id: 'done' })
      .build();
    // when
    const run = new Driver(process).complete('a', { retry: true });
    // then
    expect(run.waitingAt()).toEqual(['a']);
    run.complete('a', { retry: false });
    expect(run.state.status).toBe('completed');
  });

  it('fails the case, naming the link, when no catching link of that name exists', () => {
    const process = ir().node('s', 'startEvent').node('go', 'intermediateThrowEvent', link('nowhere')).seq('s', 'go').build();
    const run = new Driver(process);
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(/"go" is a link to "nowhere" with no matching catch link/);
  });
});
