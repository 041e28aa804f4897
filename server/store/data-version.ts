import type {
  DatabaseConnection,
  Dialect,
  Driver,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  TransactionSettings,
  UnknownRow,
} from 'kysely';

/**
 * A number that changes whenever this process may have changed the data: after every statement that is not a
 * read, and after every commit. Whatever was computed from the database under one version (the public GETs'
 * cached representations) is still exact while the version stays the same, as far as this process's writes go;
 * writes by another process (a second instance, the admin CLI, the importer) are not seen here (see
 * `http/response-cache.ts` for that bound).
 */
export class DataVersion {
  #current = 0;

  get current(): number {
    return this.#current;
  }

  bump(): void {
    this.#current++;
  }
}

/** Raw `sql` statements are writes unless they plainly read: a doubt costs one recomputation, not a stale page. */
const READ_ONLY_RAW = /^\s*select\b/i;

function isRead(node: RootOperationNode): boolean {
  if (node.kind === 'SelectQueryNode') return true;
  if (node.kind === 'RawNode') return READ_ONLY_RAW.test(node.sqlFragments.join('?'));
  return false;
}

/** Statements whose result says how many rows they changed (`RETURNING` or not): none changed, nothing to recompute. */
const ROW_WRITES = new Set<RootOperationNode['kind']>(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/**
 * Bumps the version once a write statement has run (after, so a read racing it cannot be cached as current),
 * unless it plainly changed no row: an insert, update or delete that matched nothing. The mail worker claims the
 * due e-mails every 2 s with an update that matches none on most passes; bumping for it emptied every public
 * answer kept in memory each time (issue 21's fragments bench: runs of new renders among requests meant as hits).
 * Anything else that is not a read (raw statements, schema changes) still bumps: a doubt costs one recomputation.
 */
class WriteWatcher implements KyselyPlugin {
  readonly #writes = new WeakMap<object, RootOperationNode['kind']>();
  constructor(private readonly version: DataVersion) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!isRead(node)) this.#writes.set(queryId, node.kind);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const kind = this.#writes.get(queryId);
    if (kind === undefined) return result;
    // SQLite's driver gives no count for a statement with `RETURNING`: its rows are the rows it changed.
    const changed = result.numAffectedRows ?? BigInt(result.rows.length);
    if (!ROW_WRITES.has(kind) || changed > 0n) this.version.bump();
    return result;
  }
}

/**
 * Wraps a dialect so the version also moves after each commit: on PostgreSQL a read on another pooled connection
 * sees a transaction's rows only once it commits, which is after its statements ran. Only after a transaction in
 * which the version moved (one of its statements changed rows, or another connection's did meanwhile: one
 * recomputation more, never a stale answer); one that changed nothing (a digest not due) leaves it as it is.
 */
function watchCommits(dialect: Dialect, version: DataVersion): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: (): Driver => {
      const driver = dialect.createDriver();
      const begunAt = new WeakMap<DatabaseConnection, number>();
      return {
        init: () => driver.init(),
        acquireConnection: () => driver.acquireConnection(),
        beginTransaction: async (connection: DatabaseConnection, settings: TransactionSettings) => {
          await driver.beginTransaction(connection, settings);
          begunAt.set(connection, version.current);
        },
        commitTransaction: async (connection: DatabaseConnection) => {
          await driver.commitTransaction(connection);
          if (begunAt.get(connection) !== version.current) version.bump();
          begunAt.delete(connection);
        },
        rollbackTransaction: (connection: DatabaseConnection) => driver.rollbackTransaction(connection),
        releaseConnection: (connection: DatabaseConnection) => driver.releaseConnection(connection),
        destroy: () => driver.destroy(),
        ...(driver.savepoint ? { savepoint: driver.savepoint.bind(driver) } : {}),
        ...(driver.rollbackToSavepoint ? { rollbackToSavepoint: driver.rollbackToSavepoint.bind(driver) } : {}),
        ...(driver.releaseSavepoint ? { releaseSavepoint: driver.releaseSavepoint.bind(driver) } : {}),
      };
    },
  };
}

/** The dialect and plugin that keep `version` current for every query run through one Kysely instance. */
export function versionedDialect(dialect: Dialect, version: DataVersion): { dialect: Dialect; plugins: KyselyPlugin[] } {
  return { dialect: watchCommits(dialect, version), plugins: [new WriteWatcher(version)] };
}
