import { describe, expect, it } from 'vitest';
import { defineLeftOut, defineOnDemand } from '../../src/process/on-demand.js';

describe('defineOnDemand', () => {
  it('computes the property on each read, afresh', () => {
    let builds = 0;
    const o = defineOnDemand({ a: 1 }, 'balance', () => ({ n: ++builds }));
    expect(builds).toBe(0);
    expect(o.balance).toEqual({ n: 1 });
    expect(o.balance).toEqual({ n: 2 });
  });

  it('gives every object the same getter, so that objects built alike share their shape', () => {
    const a = defineOnDemand({ a: 1 }, 'balance', () => 1);
    const b = defineOnDemand({ a: 2 }, 'balance', () => 2);
    const getter = (o: object): unknown =>
      Reflect.get(Object.getOwnPropertyDescriptor(o, 'balance') ?? {}, 'get');
    expect(getter(a)).toBeTypeOf('function');
    expect(getter(a)).toBe(getter(b));
    expect([a.balance, b.balance]).toEqual([1, 2]);
  });

  it('keeps both properties of one object apart', () => {
    const o = defineOnDemand(
      defineOnDemand({ a: 1 }, 'balance', () => 'b'),
      'report_checks',
      () => 'c',
    );
    expect([o.balance, o.report_checks]).toEqual(['b', 'c']);
  });

  it('copies the balance (computed) in a spread, not the report checks, nor the builders', () => {
    let checks = 0;
    const o = defineOnDemand(
      defineOnDemand({ a: 1 }, 'balance', () => 'b'),
      'report_checks',
      () => ++checks,
    );
    const copy = { ...o };
    expect(copy).toEqual({ a: 1, balance: 'b' });
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(Object.keys(o)).toEqual(['a', 'balance']);
    expect(checks).toBe(0);
    expect(JSON.parse(JSON.stringify(o))).toEqual({ a: 1, balance: 'b' });
  });

  it('replaces the builder of an object defined again (a reused solution), keeping its getter', () => {
    const o = defineOnDemand({ a: 1 }, 'closure', () => 1);
    const getter = (): unknown =>
      Reflect.get(Object.getOwnPropertyDescriptor(o, 'closure') ?? {}, 'get');
    const first = getter();
    defineOnDemand(o, 'closure', () => 2);
    expect(o.closure).toBe(2);
    expect(getter()).toBe(first);
  });
});

describe('defineLeftOut', () => {
  it('throws on read, saying the result was built without detail; spreads and JSON skip it', () => {
    const o = defineLeftOut({ a: 1 }, 'balance');
    expect(() => Reflect.get(o, 'balance')).toThrow(/balance: left out .* without detail/);
    expect({ ...o }).toEqual({ a: 1 });
    expect(JSON.parse(JSON.stringify(o))).toEqual({ a: 1 });
  });
});
