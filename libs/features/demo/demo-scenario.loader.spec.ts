import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoScenarioError, loadDemoScenario, parseDemoScenario } from './demo-scenario.loader.js';
import { SKANE_SCENARIO_FILE } from './skane-scenario.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the raw JSON freely, field by field
const skane = (): Record<string, any> => JSON.parse(fs.readFileSync(SKANE_SCENARIO_FILE, 'utf8'));

function problemsOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DemoScenarioError);
    return (error as Error).message;
  }
  throw new Error('expected a DemoScenarioError');
}

describe('reading a demo scenario file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-scenario-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the Skåne scenario as it is written', () => {
    const scenario = loadDemoScenario(SKANE_SCENARIO_FILE);
    expect(scenario).toEqual(skane());
    expect(scenario.partnerships.some((p) => 'agreement' in p.source && p.source.agreement.startsMonthsAgo > 0)).toBe(true);
  });

  it('names the place in the data of every problem, each on its line', () => {
    const data = skane();
    data.needs[2].status = 'OPEN';
    data.people[1].emial = data.people[1].email;
    delete data.people[1].email;
    data.partnerships[4].source.agreement.startsMonthsAgo = 'fourteen';
    data.partnerships[0].reportEveryMonths = 2;
    const message = problemsOf(() => parseDemoScenario(data, 'broken.json'));
    const lines = message.split('\n');
    expect(lines[0]).toBe("The demo scenario broken.json does not have the scenario's shape:");
    expect(lines).toHaveLength(6);
    expect(message).toMatch(/^ {2}- needs\[2\]\.status: .*"PUBLISHED"/m);
    expect(message).toMatch(/^ {2}- people\[1\]\.email: .*expected string/m);
    expect(message).toMatch(/^ {2}- people\[1\]: .*"emial"/m);
    expect(message).toMatch(/^ {2}- partnerships\[4\]\.source\.agreement\.startsMonthsAgo: .*expected number/m);
    expect(message).toMatch(/^ {2}- partnerships\[0\]\.reportEveryMonths: /m);
  });

  it('refuses a file that is not a scenario at all', () => {
    expect(problemsOf(() => parseDemoScenario([], 'list.json'))).toMatch(/^ {2}- \(the whole file\): .*expected object/m);
  });

  it('says when the file is not JSON, or cannot be read', () => {
    const file = path.join(dir, 'scenario.json');
    fs.writeFileSync(file, '{ "people": [ }');
    expect(problemsOf(() => loadDemoScenario(file))).toMatch(/^The demo scenario scenario\.json is not valid JSON: /);
    const missing = path.join(dir, 'missing.json');
    expect(problemsOf(() => loadDemoScenario(missing))).toContain(`The demo scenario ${missing} cannot be read: ENOENT`);
  });
});
