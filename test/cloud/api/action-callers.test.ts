import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';

// Every action has a way in from the Mini Program: a service in miniprogram/services that calls it, or a stated
// reason in its action file (`timer-only`, `local-only` or `no page: <why>`). A reason on an action that a service
// does call is stale and fails too.

const ROOT = join(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const services = filesUnder(join(ROOT, 'miniprogram/services')).map((f) => readFileSync(f, 'utf8')).join('\n');
const called = new Set([...services.matchAll(/\b(?:bindAction|callApi)\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]!));

const actionFiles = new Map<string, string>();
for (const file of filesUnder(join(ROOT, 'cloudfunctions/src/actions'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/^\s*name: '([A-Za-z]+)',$/gm)) actionFiles.set(m[1]!, file);
}
const REASON = /\b(timer-only|local-only|no page: \S.{8,})/;

test('the registry is read: every action is found in its own file', () => {
  expect(ALL_ACTIONS.length).toBeGreaterThan(90);
  expect(ALL_ACTIONS.filter((a) => !actionFiles.has(a.name)).map((a) => a.name)).toEqual([]);
});

test('every action is called by a Mini Program service, or its file says why none does', () => {
  const uncalled = ALL_ACTIONS.map((a) => a.name).filter((name) => !called.has(name));
  const withoutReason = uncalled.filter((name) => !REASON.test(readFileSync(actionFiles.get(name)!, 'utf8')));
  expect(withoutReason).toEqual([]);
});

test('no action that a service calls keeps a reason for having none', () => {
  const stale = ALL_ACTIONS.map((a) => a.name).filter((name) => called.has(name) && REASON.test(readFileSync(actionFiles.get(name)!, 'utf8')));
  expect(stale).toEqual([]);
});

test('every service calls an action that exists', () => {
  const names = new Set(ALL_ACTIONS.map((a) => a.name as string));
  expect([...called].filter((name) => !names.has(name))).toEqual([]);
});
