import 'reflect-metadata';
import { runCommand } from '@samverka/engine';
import { exportCommand } from '@samverka/import-export';
import { openCommandContext } from './cli.module.js';

runCommand('The export', () => exportCommand(process.argv.slice(2), openCommandContext()));
