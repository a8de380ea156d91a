import 'reflect-metadata';
import { runCommand } from '@samverka/engine';
import { demoCommand, DemoModule } from '@samverka/demo';
import { openCommandContext } from './cli.module.js';

runCommand('The demo command', () => demoCommand(process.argv.slice(2), openCommandContext([DemoModule])));
