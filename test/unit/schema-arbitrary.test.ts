import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordTypes, tableNames } from '../../shared/records';
import { hasDefault, objectArbitrary } from './helpers/schema-arbitrary';

/** The generator the document property tests stand on: every row it makes passes its schema. */
describe('rows generated from the record schemas', () => {
  for (const table of tableNames) {
    const schema = recordTypes[table].fields;
    const required = Object.entries(schema.shape)
      .filter(([, field]) => !hasDefault(field))
      .map(([key]) => key);

    it(`${table}: a minimal row holds exactly the required fields and passes the schema`, () => {
      fc.assert(
        fc.property(objectArbitrary(schema, { mode: 'minimal' }), (row) => {
          expect(Object.keys(row).sort()).toEqual([...required].sort());
          expect(schema.safeParse(row).success).toBe(true);
        }),
        { seed: 20261207, numRuns: 30 },
      );
    });

    it(`${table}: an arbitrary row passes the schema and leaves out some optional fields`, () => {
      let partial = 0;
      fc.assert(
        fc.property(objectArbitrary(schema, { mode: 'arbitrary' }), (row) => {
          const parsed = schema.safeParse(row);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          if (Object.keys(row).length < Object.keys(schema.shape).length) partial++;
        }),
        { seed: 20261207, numRuns: 30 },
      );
      if (required.length < Object.keys(schema.shape).length) expect(partial).toBeGreaterThan(0);
    });

    it(`${table}: a raw row (as sync stores a change, unparsed) passes the schema`, () => {
      fc.assert(
        fc.property(objectArbitrary(schema, { mode: 'arbitrary', raw: true }), (row) => {
          const parsed = schema.safeParse(row);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        }),
        { seed: 20261207, numRuns: 30 },
      );
    });
  }
});
