export { demoCommand } from './cli/demo.command.js';
export { DemoModule } from './demo.module.js';
