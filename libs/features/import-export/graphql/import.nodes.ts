import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ANONYMOUS, authorize } from '@samverka/domain';
import { byId, NodeRegistry } from '@samverka/engine';
import { ImportRepository } from '../import/import.repository.js';
import { ImportRun } from './import.models.js';

/** Import runs as nodes: for the person who started one and administrators ('import.read'). */
@Injectable()
export class ImportNodes implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly imports: ImportRepository,
  ) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'ImportRun',
      table: 'import_run',
      load: async (ids, { req }) => {
        const actor = req.actor ?? ANONYMOUS;
        if (actor.kind !== 'user') return ids.map(() => null);
        return byId(ids, await this.imports.findRuns(ids)).map((run) =>
          run && authorize(actor, 'import.read', { requestedBy: run.requestedBy }).allowed ? ImportRun.from(run) : null,
        );
      },
    });
  }
}
