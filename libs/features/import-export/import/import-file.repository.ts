import type { DataSource } from 'typeorm';

export interface ImportFileRow {
  id: string;
  fileName: string;
  contentType: string | null;
  sizeBytes: number;
  sha256: string | null;
  chunks: number;
  complete: boolean;
}

/**
 * Uploaded import files, kept in the database in chunks (bytea): the API stores what it receives, and
 * whichever process runs the import (the API itself in the embedded mode, a worker in production) reads
 * it back a chunk at a time. Each chunk is its own statement, outside any transaction, so a slow upload
 * never holds a connection (on PGlite, the only one) for longer than one chunk.
 */
export class ImportFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(fileName: string, contentType: string | null, createdBy: string | null): Promise<string> {
    const [{ id }] = await this.dataSource.query(`INSERT INTO import_file (file_name, content_type, created_by) VALUES ($1, $2, $3) RETURNING id`, [
      fileName,
      contentType,
      createdBy,
    ]);
    return id;
  }

  async appendChunk(fileId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query(`INSERT INTO import_file_chunk (file_id, seq, data) VALUES ($1, $2, $3)`, [fileId, seq, data]);
  }

  async complete(fileId: string, sizeBytes: number, sha256: string, chunks: number): Promise<void> {
    await this.dataSource.query(`UPDATE import_file SET size_bytes = $2, sha256 = $3, chunks = $4, complete = true WHERE id = $1`, [fileId, sizeBytes, sha256, chunks]);
  }

  async find(fileId: string): Promise<ImportFileRow | null> {
    const rows: ImportFileRow[] = await this.dataSource.query(
      `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes::float8 AS "sizeBytes", sha256, chunks, complete FROM import_file WHERE id = $1`,
      [fileId],
    );
    return rows[0] ?? null;
  }

  /** The file's bytes, one chunk at a time, in order. */
  async *read(fileId: string): AsyncGenerator<Buffer> {
    const file = await this.find(fileId);
    if (!file?.complete) throw new Error(`import file ${fileId} is missing or was not completely uploaded`);
    for (let seq = 0; seq < file.chunks; seq++) {
      const rows: { data: Buffer }[] = await this.dataSource.query(`SELECT data FROM import_file_chunk WHERE file_id = $1 AND seq = $2`, [fileId, seq]);
      if (!rows[0]) throw new Error(`import file ${fileId} lacks chunk ${seq}`);
      yield rows[0].data;
    }
  }

  async delete(fileId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM import_file WHERE id = $1`, [fileId]);
  }
}
