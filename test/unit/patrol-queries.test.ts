import { expect, it } from 'vitest';
import { patrolEntryId } from '../../shared/records/operations';
import { assetHistory, completionByDay, roundView } from '../../renderer/features/operations/patrol-queries';
import { openTestRepository, sampleProject } from './helpers/test-db';

it('reads a round with the one before, a month of completion per day and an asset history', async () => {
  const { db, repo } = await openTestRepository();
  const project = await repo.createProject(sampleProject);
  const [web, db1, spare] = await Promise.all(
    ['web-01', 'db-01', 'spare-01'].map((name) => repo.create('assets', project.id, { name })),
  );
  const plan = await repo.create('patrolPlans', project.id, {
    name: '日巡检',
    assetIds: [web!.id, db1!.id, spare!.id],
    frequency: 'daily',
  });
  const entered: Array<[string, string, number]> = [
    ['2026-03-30', web!.id, 61],
    ['2026-03-31', web!.id, 62],
    ['2026-03-31', db1!.id, 40],
    ['2026-04-01', web!.id, 63],
    ['2026-02-28', db1!.id, 38],
  ];
  for (const [date, assetId, value] of entered) {
    await repo.saveKeyed('patrolEntries', patrolEntryId(plan.id, date, assetId), project.id, {
      planId: plan.id,
      assetId,
      round: date,
      date,
      readings: { 'disk.maxUsePercent': { value, status: 'normal', carried: false, at: `${date}T09:00` } },
    });
  }
  await repo.remove('assets', spare!.id);

  const view = await roundView(db, plan, '2026-03-31', '2026-03-30');
  expect(view.assets.map((a) => a.name)).toEqual(['db-01', 'web-01']); // the deleted asset is left out
  expect([...view.entries.keys()].sort()).toEqual([web!.id, db1!.id].sort());
  expect(view.previous.get(web!.id)?.readings['disk.maxUsePercent']?.value).toBe(61);

  expect(await completionByDay(db, plan.id, '2026-03')).toEqual(
    new Map([
      ['2026-03-30', 1],
      ['2026-03-31', 2],
    ]),
  );
  expect(await completionByDay(db, plan.id, '2026-02')).toEqual(new Map([['2026-02-28', 1]]));
  expect((await assetHistory(db, web!.id, '2026-03-31')).map((e) => e.readings['disk.maxUsePercent']?.value)).toEqual([
    62, 63,
  ]);
});
