import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTHORIZE_METADATA, PUBLIC_METADATA } from '@samverka/engine';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Stops the start when a GraphQL operation declares neither @Authorize nor @Public. */
@Injectable()
export class PolicyCoverageCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const method = instance[name] as (...args: unknown[]) => unknown;
        const type = this.reflector.get<string | undefined>(RESOLVER_TYPE_METADATA, method);
        if (!type || !ROOT_TYPES.has(type)) continue;
        if (this.reflector.get(PUBLIC_METADATA, method) || this.reflector.get(AUTHORIZE_METADATA, method)) continue;
        missing.push(`${wrapper.metatype.name}.${name}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`GraphQL operations without an access rule (@Authorize or @Public): ${missing.join(', ')}`);
    }
  }
}
