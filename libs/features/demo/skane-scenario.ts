import path from 'node:path';
import { loadDemoScenario } from './demo-scenario.loader.js';
import type { DemoScenario } from './demo-scenario.types.js';

/**
 * A demo of Samverka in Skåne (the data is skane-scenario.json, beside this file): Region Skåne and six
 * municipalities post needs, 34 fictional social enterprises from twelve Skåne municipalities answer
 * them. The region's coordinator, Petra Nilsson (län 12, so every buyer of the scenario is hers),
 * introduces enterprises to needs and has brokered partnerships; partnerships agree impact targets and
 * report impact, and some are shown as good examples. The partnerships from the awards start on the day
 * of seeding, so they have no reports yet (Ystads kommun has not agreed to the targets the enterprise
 * proposed); the agreements the coordinator recorded started months earlier.
 *
 * The municipalities and the region carry their real names and organisationsnummer (public facts, taken
 * from the buyer columns of the Swedish procurement statistics for 2021). Everything else is invented: the
 * enterprises, the support organisation, the people and their e-mail addresses (all under
 * demo.samverka.se), and the organisationsnummer of the invented organisations, which only follow the
 * number series of their legal form and carry a correct Luhn check digit.
 */
export const SKANE_SCENARIO_FILE = path.join(import.meta.dirname, 'skane-scenario.json');

/** The Skåne scenario, read and checked (a DemoScenarioError names every problem of the file). */
export function loadSkaneScenario(): DemoScenario {
  return loadDemoScenario(SKANE_SCENARIO_FILE);
}
