/** The types every route shares: what the app hands to handlers through `c.var`. */
import type { KnowledgeBase } from '../app/knowledge-base.js';
import type { Repository } from '../store/repository.js';
import type { AuthService } from './auth/auth.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling. In local mode everyone is the single local user, with every right. */
export interface AuthUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** How the caller proved who they are; cookie sessions must pass the CSRF check on writes. */
  readonly via: 'local' | 'session' | 'token';
  /** The session's CSRF token (cookie sessions only). */
  readonly csrfToken?: string;
}

export interface ServerOptions {
  /** Largest request body in bytes. Default is 1 MiB. */
  readonly maxBodyBytes: number;
  /** Check every response against its schema (tests). Default is false. */
  readonly validateResponses: boolean;
  /** Most nodes a network answer holds. Default is 5,000. */
  readonly maxNetworkNodes: number;
  /** Most entries a timeline answer holds. Default is 20,000. */
  readonly maxTimelineEntries: number;
}

export interface AppDeps {
  readonly repo: Repository;
  /** A fresh knowledge base per request, so caches never outlive a write. */
  readonly kb: () => Promise<KnowledgeBase>;
  readonly options: ServerOptions;
  /** Server mode's sign-in; absent in local mode. */
  readonly auth?: AuthService;
}

export type Env = {
  Variables: {
    deps: AppDeps;
    user: AuthUser | undefined;
  };
};
