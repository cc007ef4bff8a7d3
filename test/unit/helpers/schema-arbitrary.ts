import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from the zod 4 schemas of shared/records, hand-written: zod-fast-check
 * supports only zod 3, and a generic zod 4 generator (@traversable/zod) cannot satisfy the
 * records' `.refine()` rules (real dates, references, e-mails …), which are opaque functions.
 * The field helpers (shared/records/fields.ts) label each refined field with a widget in its
 * meta, so the widget says what a valid value looks like; every generated value is then
 * parsed by its own field schema, so a generator that drifts from the schema fails loudly.
 */

export interface SchemaArbitraryOptions {
  /**
   * minimal: only the fields without a default (what a form must send);
   * arbitrary: the required fields and any subset of the others, each with any valid value.
   */
  mode: 'minimal' | 'arbitrary';
  /** Ids of rows a reference into `refTable` may point at; a reference may also dangle or be empty. */
  ids?: (refTable: string) => readonly string[];
  /**
   * A generator for one field, by its path ('date', 'items[].id', 'readings{}' for a record's
   * keys), so values that join other rows (metric keys, checklist item ids, round dates) meet
   * often enough. What it produces must still be accepted by the schema (checked like the rest).
   */
  override?: (path: string) => fc.Arbitrary<unknown> | undefined;
  /** Longest array generated (the schema's own maximum wins when smaller). */
  maxItems?: number;
  /**
   * Values as a change from elsewhere may carry them (sync validates a change's fields against
   * the schema but stores them unparsed): items of a list may lack their defaulted fields and
   * strings keep surrounding spaces. Default: values as the repository stores them (parsed).
   */
  raw?: boolean;
}

type AnySchema = z.core.$ZodType;
type Def = { type: string; checks?: AnySchema[]; [key: string]: unknown };
type CheckDef = { check: string; [key: string]: unknown };

const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: AnySchema): CheckDef[] =>
  (defOf(schema).checks ?? []).map((check) => defOf(check) as unknown as CheckDef);
const widgetOf = (schema: AnySchema): string | undefined =>
  (schema as unknown as { meta?: () => { widget?: string; refTable?: string } | undefined }).meta?.()?.widget;
const refTableOf = (schema: AnySchema): string | undefined =>
  (schema as unknown as { meta?: () => { refTable?: string } | undefined }).meta?.()?.refTable;

/** Whether an object key may be left out: its schema accepts undefined (a default, an optional). */
export function hasDefault(schema: AnySchema): boolean {
  return (schema as unknown as z.ZodType).safeParse(undefined).success;
}

/** A row of an object schema; each value is what its field schema parses it to (what the repository stores). */
export function objectArbitrary(
  schema: z.ZodObject,
  options: SchemaArbitraryOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const required = !hasDefault(fieldSchema);
    if (options.mode === 'minimal' && !required) continue;
    if (required) requiredKeys.push(key);
    fields[key] = parsedBy(fieldSchema, valueArbitrary(fieldSchema, key, options, {}), options.raw);
  }
  return fc.record(fields, { requiredKeys });
}

/** A value for one schema: what it parses to, drawn from values it accepts. */
export function schemaArbitrary(schema: z.ZodType, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  return parsedBy(schema, valueArbitrary(schema, '', options, {}), options.raw);
}

function parsedBy(schema: z.ZodType, arbitrary: fc.Arbitrary<unknown>, raw = false): fc.Arbitrary<unknown> {
  // A refinement the generator could not know of is filtered, not silently kept; the helper's
  // own test asserts that rows pass their schema, and fast-check reports a filter that rejects
  // nearly everything.
  const accepted = arbitrary.filter((value) => schema.safeParse(value).success);
  return raw ? accepted : accepted.map((value) => schema.parse(value));
}

interface Hint {
  widget?: string;
  refTable?: string;
}

function valueArbitrary(
  schema: AnySchema,
  path: string,
  options: SchemaArbitraryOptions,
  inherited: Hint,
): fc.Arbitrary<unknown> {
  const overridden = options.override?.(path);
  if (overridden) return overridden;
  const hint: Hint = {
    widget: widgetOf(schema) ?? inherited.widget,
    refTable: refTableOf(schema) ?? inherited.refTable,
  };
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
      return valueArbitrary(def.innerType as AnySchema, path, options, hint);
    case 'optional':
      return fc.option(valueArbitrary(def.innerType as AnySchema, path, options, hint), { nil: undefined });
    case 'nullable':
      return fc.option(valueArbitrary(def.innerType as AnySchema, path, options, hint), { nil: null, freq: 3 });
    case 'string':
      return stringArbitrary(schema, options, hint);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map((option) => valueArbitrary(option, path, options, hint)));
    case 'array':
      return arrayArbitrary(schema, path, options, hint);
    case 'object': {
      // Parsed items are whole (the parse fills their defaults); raw ones may leave defaulted fields out.
      const shape = def.shape as Record<string, AnySchema>;
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, valueArbitrary(field, `${path}.${key}`, options, {})]),
      );
      return options.raw
        ? fc.record(fields, { requiredKeys: Object.keys(shape).filter((key) => !hasDefault(shape[key]!)) })
        : fc.record(fields);
    }
    case 'record': {
      const keys =
        options.override?.(`${path}{}`) ?? valueArbitrary(def.keyType as AnySchema, `${path}{}`, options, {});
      return fc.dictionary(
        keys as fc.Arbitrary<string>,
        valueArbitrary(def.valueType as AnySchema, `${path}{}.value`, options, {}),
        { maxKeys: options.maxItems ?? 4 },
      );
    }
    default:
      throw new Error(`schema-arbitrary: no generator for zod type "${def.type}" at ${path || 'the root'}`);
  }
}

function arrayArbitrary(
  schema: AnySchema,
  path: string,
  options: SchemaArbitraryOptions,
  hint: Hint,
): fc.Arbitrary<unknown[]> {
  const checks = checksOf(schema);
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum as number));
  const max = Math.min(
    options.maxItems ?? 4,
    ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum as number),
  );
  const element = valueArbitrary(defOf(schema).element as AnySchema, `${path}[]`, options, hint);
  return fc.array(element, { minLength: min, maxLength: Math.max(min, max) });
}

function numberArbitrary(schema: AnySchema): fc.Arbitrary<number> {
  const checks = checksOf(schema);
  const integer = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
  const lower = checks.filter((c) => c.check === 'greater_than');
  const upper = checks.filter((c) => c.check === 'less_than');
  if ([...lower, ...upper].some((c) => c.inclusive !== true))
    throw new Error('schema-arbitrary: exclusive number bounds are not generated');
  const min = lower.length ? Math.max(...lower.map((c) => c.value as number)) : undefined;
  const max = upper.length ? Math.min(...upper.map((c) => c.value as number)) : undefined;
  if (integer) return fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function stringArbitrary(schema: AnySchema, options: SchemaArbitraryOptions, hint: Hint): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum as number));
  const max = Math.min(
    Number.MAX_SAFE_INTEGER,
    ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum as number),
  );
  const trimmed = checks.some((c) => c.check === 'overwrite');
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern as
    RegExp | undefined;
  const refined = checks.some((c) => c.check === 'custom');
  const fits = (value: string) => value.length >= min && value.length <= max;

  if (hint.widget === 'reference' || hint.widget === 'references') {
    const pool = hint.refTable ? (options.ids?.(hint.refTable) ?? []) : [];
    const dangling = fc.uuid();
    const id = pool.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, { arbitrary: dangling, weight: 1 })
      : dangling;
    return hint.widget === 'reference' ? fc.oneof(fc.constant(''), id) : id;
  }
  if (hint.widget === 'ips') return ipAddress().filter(fits);
  if (refined) {
    const special = refinedString(hint.widget);
    if (!special)
      throw new Error(`schema-arbitrary: a refined string without a known widget (${hint.widget ?? 'none'})`);
    return special.filter(fits);
  }
  if (pattern) return fc.stringMatching(pattern).filter(fits);
  const text = textArbitrary(Math.min(max, 60)).map((value) => (trimmed && !options.raw ? value.trim() : value));
  return text.filter(fits);
}

/** Any text: ASCII, CJK, and any code point (control characters included: the schemas allow them). */
function textArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength, unit: 'grapheme-ascii' }), weight: 3 },
    {
      arbitrary: fc.string({
        maxLength,
        unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCodePoint(code)),
      }),
      weight: 3,
    },
    { arbitrary: fc.string({ maxLength, unit: 'grapheme' }), weight: 1 },
    { arbitrary: fc.string({ maxLength, unit: 'binary' }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        ' ',
        '  x  ',
        '\t',
        '-',
        '0',
        'NaN',
        '1e999',
        '-1',
        '100%',
        '<b>&amp;</b>',
        '{{正文}}',
      ),
      weight: 1,
    },
  );
}

/** Dates near the demo data (so periods meet rows), any real date, and the extremes YYYY allows. */
export function realDate(): fc.Arbitrary<string> {
  const between = (from: string, to: string) =>
    fc
      .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  return fc.oneof(
    { arbitrary: between('2026-11-20', '2026-12-10'), weight: 6 },
    { arbitrary: between('1970-01-01', '2100-12-31'), weight: 2 },
    { arbitrary: fc.constantFrom('0001-01-01', '1900-02-28', '2000-02-29', '2026-12-31', '9999-12-31'), weight: 1 },
  );
}

function clockTime(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
}

function refinedString(widget: string | undefined): fc.Arbitrary<string> | undefined {
  const orEmpty = (value: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: fc.constant(''), weight: 1 }, { arbitrary: value, weight: 3 });
  switch (widget) {
    case 'date':
      return orEmpty(realDate());
    case 'datetime':
      return orEmpty(fc.tuple(realDate(), clockTime()).map(([day, time]) => `${day}T${time}`));
    case 'time':
      return orEmpty(clockTime());
    case 'email':
      return orEmpty(fc.emailAddress());
    case 'phone':
      return orEmpty(fc.stringMatching(/^[+\d][\d\s()-]{4,24}$/));
    case 'timeZone':
      // Any zone the runtime knows; the schema has no empty value here.
      return fc.constantFrom('Asia/Shanghai', 'UTC', ...Intl.supportedValuesOf('timeZone'));
    default:
      return undefined;
  }
}

function ipAddress(): fc.Arbitrary<string> {
  return fc.oneof(fc.ipV4(), fc.ipV6());
}
