import 'reflect-metadata';
import { runCommand } from '@samverka/engine';
import { importCommand } from '@samverka/import-export';
import { openCommandContext } from './cli.module.js';

runCommand('The import', () => importCommand(process.argv.slice(2), openCommandContext()));
