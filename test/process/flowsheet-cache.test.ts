// FlowsheetCache (issue 19 item 3): the caller-owned store of compiled flowsheets gives the same
// flowsheet as compiling afresh, compiles each template once, and forgets when full.
import { describe, expect, it } from 'vitest';
import { CHROMIUM_TEMPLATES } from '../../src/process/chromium/templates.js';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { COMPILE_EACH_TIME, FlowsheetCache } from '../../src/process/flowsheet/flowsheet-cache.js';
import type { FlowsheetTemplate } from '../../src/process/flowsheet/template.js';

const T = CHROMIUM_TEMPLATES['cr-aluminothermic'].template;

class CountingCache extends FlowsheetCache {
  compiles = 0;
  protected override compile(template: FlowsheetTemplate) {
    this.compiles++;
    return compileFlowsheet(template);
  }
}

describe('FlowsheetCache', () => {
  it('gives the parameters compiling afresh gives, compiling each template once', () => {
    const cache = new CountingCache(2);
    const ov = { 'units.kiln.conversion': 0.85 };
    const a = cache.flowsheet(T, ov);
    const b = COMPILE_EACH_TIME.flowsheet(T, ov);
    expect(a.units.map((u) => u.params)).toEqual(b.units.map((u) => u.params));
    expect(cache.flowsheet(T, { 'units.kiln.conversion': 0.85 })).toBe(a);
    expect(cache.flowsheet(T, {})).not.toBe(a);
    cache.flowsheet(T, { 'units.kiln.conversion': 0.8 }); // third override set: the store is cleared
    expect(cache.flowsheet(T, ov)).not.toBe(a);
    expect(cache.compiles).toBe(1);
  });

  it('validates overrides as compileFlowsheet does', () => {
    const cache = new FlowsheetCache();
    expect(() => cache.flowsheet(T, { 'units.nope.conversion': 1 })).toThrow(
      /a unit of the flowsheet/,
    );
    expect(() => cache.flowsheet(T, { 'units.kiln.conversion': 7 })).toThrow();
  });
});
