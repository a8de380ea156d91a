import 'reflect-metadata';
import { runCommand } from '@samverka/engine';
import { createAdminCommand } from '@samverka/accounts';
import { openCommandContext } from './cli.module.js';

runCommand('create-admin', () => createAdminCommand(process.argv.slice(2), openCommandContext()));
