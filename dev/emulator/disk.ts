/**
 * The emulator's data folder on disk, written so that nothing acknowledged is ever lost and nothing
 * unacknowledged is ever kept:
 *
 * - every write goes through `writeFully`, which detects short writes (a nearly full disk writes
 *   part of a buffer and reports how much) instead of assuming the whole buffer was written;
 * - the journal is appended at its known committed length, never with O_APPEND, so a failed append
 *   is cut off again (`ftruncate`) and the next append can never land behind torn bytes;
 * - files are replaced by writing a temporary file, fsync'ing it, renaming it over the old one and
 *   fsync'ing the folder, so that the rename itself survives a power cut (rename(2) is only
 *   durable once the directory is: see fsync(2), "Calling fsync() does not necessarily ensure that
 *   the entry in the directory containing the file has also reached disk");
 * - files are read line by line in bounded chunks, so a data folder of any size loads (a single
 *   JavaScript string cannot exceed 2^29 - 24 characters, which is where the old loader failed).
 *
 * All file system calls go through a `FileIO`, which tests replace to inject short writes, ENOSPC
 * and EIO where the machine cannot mount a small file system.
 */
import * as fs from 'fs';
import { dirname } from 'path';
import { SPError } from './errors';

/** The synchronous file system calls the store makes; `fs` itself in production. */
export interface FileIO {
  openSync(path: string, flags: string): number;
  closeSync(fd: number): void;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number;
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  fstatSync(fd: number): { size: number };
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  readdirSync(path: string): string[];
  readFileSync(path: string): Buffer;
}

export const nodeIO: FileIO = {
  openSync: (path, flags) => fs.openSync(path, flags),
  closeSync: (fd) => fs.closeSync(fd),
  writeSync: (fd, buffer, offset, length, position) => fs.writeSync(fd, buffer, offset, length, position),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  fstatSync: (fd) => fs.fstatSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
  existsSync: (path) => fs.existsSync(path),
  mkdirSync: (path, options) => fs.mkdirSync(path, options),
  readdirSync: (path) => fs.readdirSync(path),
  readFileSync: (path) => fs.readFileSync(path)
};

/**
 * A write that did not reach the disk, as a REST error. Not SharePoint's rule but the emulator's
 * own failure, answered honestly: 507 Insufficient Storage (RFC 4918 §11.5) when the disk is full,
 * with the Windows HRESULT of ERROR_DISK_FULL (0x80070070, "There is not enough space on the
 * disk."), and 500 for any other I/O error. The change is not kept.
 */
export class StorageError extends SPError {
  constructor(public readonly cause: Error & { code?: string }) {
    const full = cause.code === 'ENOSPC' || cause.code === 'EDQUOT';
    super(
      full ? 507 : 500,
      full ? '-2147024784, System.IO.IOException' : '-2147467259, System.IO.IOException',
      full
        ? 'There is not enough space on the disk. The change was not saved.'
        : `The local SharePoint could not write its data folder (${cause.code ?? cause.message}). The change was not saved.`
    );
  }
}

/** Writes all of `buffer` at `position`, looping over short writes; throws if the disk takes nothing. */
export function writeFully(io: FileIO, fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const n = io.writeSync(fd, buffer, done, buffer.length - done, position + done);
    if (!(n > 0)) {
      throw Object.assign(new Error(`Short write: ${done} of ${buffer.length} bytes were written`), { code: 'EIO' });
    }
    done += n;
  }
}

/** Makes the folder's entries (creations, renames, deletions) durable. */
export function fsyncDir(io: FileIO, dir: string): void {
  const fd = io.openSync(dir, 'r');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}

function removeQuietly(io: FileIO, path: string): void {
  try {
    io.unlinkSync(path);
  } catch {
    // Already gone, or the disk refuses even that: a leftover .tmp is removed on the next start.
  }
}

let tmpCounter = 0;

/** The suffix of temporary files; `sweepTemporaryFiles` removes leftovers of a crash. */
export const TMP_MARK = '.tmp-';

/**
 * Replaces `path` atomically: readers see the old content or the new, never half. `produce` writes
 * the content through `write` in any number of pieces (buffered here, flushed in 1 MB chunks), so
 * a snapshot never has to exist as one string. On failure the temporary file is removed and the
 * old file is left as it was.
 */
export function writeFileAtomic(io: FileIO, path: string, produce: (write: (piece: string | Buffer) => void) => void): number {
  const tmp = `${path}${TMP_MARK}${process.pid}-${++tmpCounter}`;
  let fd: number | undefined;
  let size = 0;
  try {
    fd = io.openSync(tmp, 'w');
    const out = fd;
    let pieces: Buffer[] = [];
    let buffered = 0;
    const flush = (): void => {
      if (buffered > 0) {
        writeFully(io, out, pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, buffered), size);
        size += buffered;
        pieces = [];
        buffered = 0;
      }
    };
    produce((piece) => {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      pieces.push(buffer);
      buffered += buffer.length;
      if (buffered >= 1 << 20) {
        flush();
      }
    });
    flush();
    io.fsyncSync(out);
    io.closeSync(out);
    fd = undefined;
    io.renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        // The close error adds nothing to the one being thrown.
      }
    }
    removeQuietly(io, tmp);
    throw err;
  }
  fsyncDir(io, dirname(path));
  return size;
}

/** Removes temporary files a crash left in `dir` (never the files they were to replace). */
export function sweepTemporaryFiles(io: FileIO, dir: string): void {
  for (const name of io.readdirSync(dir)) {
    if (name.includes(TMP_MARK)) {
      removeQuietly(io, `${dir}/${name}`);
    }
  }
}

export interface Line {
  /** The line without its '\n', as bytes (decoded by the caller: a line is one JSON value). */
  bytes: Buffer;
  /** Byte offset of the line's first byte in the file. */
  start: number;
  /** Byte offset just after the line's '\n' (or after its last byte when unterminated). */
  end: number;
  /** False for a last line without '\n': a write that did not finish. */
  terminated: boolean;
}

/**
 * The lines of a file, read in 1 MB chunks: memory use is one chunk plus the longest line, however
 * large the file. Synchronous, because the store loads before the server answers anything.
 */
export function* readLines(io: FileIO, path: string): Generator<Line> {
  const fd = io.openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer[] = [];
    let carryStart = 0;
    let position = 0;
    for (;;) {
      const n = io.readSync(fd, chunk, 0, chunk.length, position);
      if (n <= 0) {
        break;
      }
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        if (nl < 0 || nl >= n) {
          break;
        }
        const piece = chunk.subarray(from, nl);
        const bytes = carry.length ? Buffer.concat([...carry, piece]) : Buffer.from(piece);
        const start = carry.length ? carryStart : position + from;
        carry = [];
        yield { bytes, start, end: position + nl + 1, terminated: true };
        from = nl + 1;
      }
      if (from < n) {
        if (carry.length === 0) {
          carryStart = position + from;
        }
        carry.push(Buffer.from(chunk.subarray(from, n)));
      }
      position += n;
    }
    if (carry.length) {
      yield { bytes: Buffer.concat(carry), start: carryStart, end: position, terminated: false };
    }
  } finally {
    io.closeSync(fd);
  }
}

/**
 * An append-only file of lines whose committed length is known: appends are positional writes at
 * that length followed by fsync, and only then counted. A failed append is cut off again, so a torn
 * tail can never swallow a later entry; if even the cut fails, the next append overwrites the torn
 * bytes from the same position, and replay ignores what is left behind by sequence number.
 */
export class AppendFile {
  private constructor(
    private readonly io: FileIO,
    private readonly fd: number,
    /** Bytes known to be on disk. */
    public size: number
  ) {}

  /** Opens (or creates) the file and cuts it to `validLength`: a torn tail is dropped before anything is appended. */
  public static open(io: FileIO, path: string, validLength: number): AppendFile {
    const created = !io.existsSync(path);
    const fd = io.openSync(path, created ? 'w+' : 'r+');
    try {
      if (io.fstatSync(fd).size !== validLength) {
        io.ftruncateSync(fd, validLength);
        io.fsyncSync(fd);
      }
    } catch (err) {
      io.closeSync(fd);
      throw err;
    }
    if (created) {
      fsyncDir(io, dirname(path));
    }
    return new AppendFile(io, fd, validLength);
  }

  /** Appends and fsyncs; on any failure the file is cut back to what was committed before, and the error thrown. */
  public append(buffer: Buffer): void {
    try {
      writeFully(this.io, this.fd, buffer, this.size);
      this.io.fsyncSync(this.fd);
    } catch (err) {
      try {
        this.io.ftruncateSync(this.fd, this.size);
        this.io.fsyncSync(this.fd);
      } catch {
        // See the class comment: the next append starts at `size` anyway.
      }
      throw err;
    }
    this.size += buffer.length;
  }

  /** Empties the file (after a snapshot holds everything it had). */
  public reset(): void {
    this.io.ftruncateSync(this.fd, 0);
    this.io.fsyncSync(this.fd);
    this.size = 0;
  }

  public close(): void {
    this.io.closeSync(this.fd);
  }
}
