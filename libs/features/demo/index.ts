export { demoPassword } from './demo-password.js';
export { DemoSeeder } from './demo-seeder.js';
export { DemoModule } from './demo.module.js';
export { loadSkaneScenario } from './skane-scenario.js';
