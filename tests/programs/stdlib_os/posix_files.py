# posix: stat results, directories, renames, links, errors (paths printed only relative to a
# private temporary directory).
import posix

base = "/tmp/kaa_posix_files_%d" % posix.getpid()
posix.mkdir(base)


def rel(p):
    if isinstance(p, bytes):
        return p.replace(base.encode(), b"<base>")
    return p.replace(base, "<base>") if isinstance(p, str) else p


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except OSError as e:
        print(label, type(e).__name__, e.errno, e.strerror, rel(e.filename), rel(getattr(e, "filename2", None)))
    except Exception as e:
        print(label, type(e).__name__, e)


try:
    p = base + "/a.txt"
    fd = posix.open(p, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(posix.write(fd, b"hello world"))
    posix.close(fd)
    st = posix.stat(p)
    print(type(st).__name__, st.st_size, len(st), st[6], st.st_mode & 0o777, oct(st.st_mode >> 12))
    print(st.st_mtime_ns // 10**9 == st[8], isinstance(st.st_mtime, float), st.st_nlink)
    print(posix.stat_result.n_fields, posix.stat_result.n_sequence_fields, posix.stat_result.n_unnamed_fields)
    print(st == posix.stat(p), st[:3] == (st.st_mode, st.st_ino, st.st_dev), list(st)[6])
    posix.chmod(p, 0o600)
    print(oct(posix.stat(p).st_mode & 0o777), posix.access(p, posix.R_OK), posix.access(base + "/zz", posix.F_OK))
    posix.utime(p, (1000000000, 1200000000))
    st = posix.stat(p)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    posix.utime(p, ns=(5 * 10**9 + 7, 6 * 10**9 + 9))
    print(posix.stat(p).st_mtime_ns)
    posix.mkdir(base + "/sub")
    posix.mkdir(base + "/sub/deeper", 0o700)
    print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
    posix.rename(p, base + "/sub/b.txt")
    print(sorted(posix.listdir(base + "/sub")))
    posix.symlink("b.txt", base + "/sub/link")
    print(posix.readlink(base + "/sub/link"), posix.lstat(base + "/sub/link").st_size)
    print(posix.stat(base + "/sub/link").st_size)
    posix.link(base + "/sub/b.txt", base + "/sub/hard")
    print(posix.stat(base + "/sub/hard").st_nlink)
    entries = sorted(posix.scandir(base + "/sub"), key=lambda e: e.name)
    for e in entries:
        print(e.name, rel(e.path), e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False),
              e.stat().st_size if not e.is_dir() else "-", e.inode() == posix.lstat(e.path).st_ino)
    print(repr(entries[0]), posix.fspath(entries[0]) == entries[0].path)
    with posix.scandir(base) as it:
        print(sorted(e.name for e in it))
    posix.truncate(base + "/sub/b.txt", 5)
    print(posix.stat(base + "/sub/b.txt").st_size)
    posix.replace(base + "/sub/hard", base + "/sub/b.txt")
    t("stat missing", lambda: posix.stat(base + "/missing"))
    t("lstat bytes missing", lambda: posix.lstat((base + "/missing").encode()))
    t("rmdir non-empty", lambda: posix.rmdir(base + "/sub"))
    t("mkdir exists", lambda: posix.mkdir(base + "/sub"))
    t("unlink dir", lambda: posix.unlink(base + "/sub"))
    t("listdir file", lambda: posix.listdir(base + "/sub/b.txt"))
    t("rename missing", lambda: posix.rename(base + "/nope", base + "/nope2"))
    t("open missing", lambda: posix.open(base + "/nope", posix.O_RDONLY))
    t("stat int list", lambda: posix.stat([1]))
    t("stat nul", lambda: posix.stat("a\0b"))
    t("chdir missing", lambda: posix.chdir(base + "/nope"))
    t("readlink file", lambda: posix.readlink(base + "/sub/b.txt"))
    here = posix.getcwd()
    posix.chdir(base + "/sub")
    print(rel(posix.getcwd()), rel(posix.getcwdb().decode()), sorted(posix.listdir()))
    posix.chdir(here)
finally:
    for name in ["sub/link", "sub/b.txt", "sub/hard"]:
        try:
            posix.unlink(base + "/" + name)
        except OSError:
            pass
    posix.rmdir(base + "/sub/deeper")
    posix.rmdir(base + "/sub")
    posix.rmdir(base)
print(sorted(n for n in posix.listdir("/tmp") if n.startswith("kaa_posix_files_%d" % posix.getpid())))
