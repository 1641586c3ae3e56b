"""OS confinement of a worker process, each step checked and reported.

A worker calls `confine(...)` once, after its imports and warm-up and before it serves any run. The
steps, in order (each returns a `Check`: name, whether it holds, a detail):

1. resource limits: `RLIMIT_CORE=0`, `RLIMIT_FSIZE=0` (no file can grow), `RLIMIT_NOFILE` (a few more
   descriptors than are open), `RLIMIT_NPROC=0` (no new process or thread for a non-root user). The
   host sets `RLIMIT_AS` and `RLIMIT_CPU` per run from outside (`prlimit`), which seccomp forbids the
   worker itself to change;
2. `PR_SET_NO_NEW_PRIVS` and `PR_SET_DUMPABLE=0`;
3. Landlock (Linux 5.13+): the filesystem becomes read-only and limited to `read_paths` (the Python
   installation, the import path, the shared libraries already mapped); TCP bind/connect are denied
   (ABI 4+), and so are signals and abstract UNIX sockets outside the worker (ABI 6+);
4. a seccomp-bpf filter (libseccomp through `pyseccomp`): no sockets, no `execve`, no process clones
   (threads only), no `ptrace` or cross-process memory access, no opening files for writing, no
   changes to the filesystem, no limits raised, no mounts, namespaces, modules, BPF or io_uring.
   It is a deny-list over a default of *allow* (see docs/process-tier.md for what that leaves).

Where the kernel or the machine lacks a feature the step fails with a reason and the worker still
runs with the rest; `monty doctor` prints every check.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import socket
from collections.abc import Iterable
from typing import Any

__all__ = ['Check', 'confine', 'landlock_abi', 'mapped_libraries', 'status_field']

Check = tuple[str, bool, str]

_libc = ctypes.CDLL(None, use_errno=True)
_syscall = _libc.syscall
_syscall.restype = ctypes.c_long
_prctl = _libc.prctl
_prctl.restype = ctypes.c_int

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

# -- Landlock (include/uapi/linux/landlock.h; x86_64 and aarch64 share these numbers) ------------------
SYS_LANDLOCK_CREATE_RULESET = 444
SYS_LANDLOCK_ADD_RULE = 445
SYS_LANDLOCK_RESTRICT_SELF = 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1
FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_ABI1 = (1 << 13) - 1  # execute .. make_sym
FS_REFER, FS_TRUNCATE, FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ('handled_access_fs', ctypes.c_uint64),
        ('handled_access_net', ctypes.c_uint64),
        ('scoped', ctypes.c_uint64),
    ]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [('allowed_access', ctypes.c_uint64), ('parent_fd', ctypes.c_int32)]


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, or 0 when Landlock is missing or disabled."""
    abi = _syscall(
        SYS_LANDLOCK_CREATE_RULESET,
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION),
    )
    return max(int(abi), 0)


def _handled_fs(abi: int) -> int:
    rights = _FS_ABI1
    if abi >= 2:
        rights |= FS_REFER
    if abi >= 3:
        rights |= FS_TRUNCATE
    if abi >= 5:
        rights |= FS_IOCTL_DEV
    return rights


def _landlock(read_paths: Iterable[str]) -> Check:
    abi = landlock_abi()
    if abi < 1:
        return (
            'landlock',
            False,
            'Landlock is not available on this kernel: the filesystem is not restricted',
        )
    attr = _RulesetAttr(_handled_fs(abi), NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0, 0)
    if abi >= 6:
        attr.scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = _syscall(
        SYS_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0)
    )
    if ruleset < 0:
        return ('landlock', False, f'landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}')
    allowed: list[str] = []
    try:
        for path in sorted(set(read_paths)):
            if _allow_read(int(ruleset), path):
                allowed.append(path)
        if _syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            return ('landlock', False, f'landlock_restrict_self failed: {os.strerror(ctypes.get_errno())}')
    finally:
        os.close(ruleset)
    extra = ', TCP denied' if abi >= 4 else ''
    extra += ', signals and abstract sockets scoped' if abi >= 6 else ''
    return ('landlock', True, f'ABI {abi}: read-only access to {len(allowed)} paths{extra}')


def _allow_read(ruleset: int, path: str) -> bool:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        is_dir = os.path.isdir(path)
        rule = _PathBeneath(FS_READ_FILE | (FS_READ_DIR if is_dir else 0), fd)
        ok = _syscall(
            SYS_LANDLOCK_ADD_RULE,
            ctypes.c_int(ruleset),
            ctypes.c_int(LANDLOCK_RULE_PATH_BENEATH),
            ctypes.byref(rule),
            ctypes.c_uint32(0),
        )
        return ok == 0
    finally:
        os.close(fd)


def mapped_libraries() -> list[str]:
    """The files this process has mapped (its shared libraries), so that Landlock keeps them readable."""
    found: set[str] = set()
    try:
        with open('/proc/self/maps', encoding='utf-8', errors='replace') as f:
            for line in f:
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and parts[5].startswith('/'):
                    found.add(parts[5].strip())
    except OSError:
        pass
    return sorted(p for p in found if os.path.isfile(p))


# -- seccomp ----------------------------------------------------------------------------------------------
_DENY = (
    # network and processes
    'socket',
    'socketpair',
    'connect',
    'bind',
    'listen',
    'accept',
    'accept4',
    'execve',
    'execveat',
    'fork',
    'vfork',
    'ptrace',
    'process_vm_readv',
    'process_vm_writev',
    'kcmp',
    'pidfd_open',
    'pidfd_getfd',
    'pidfd_send_signal',
    'tkill',
    'rt_sigqueueinfo',
    'rt_tgsigqueueinfo',
    # the filesystem
    'creat',
    'truncate',
    'ftruncate',
    'unlink',
    'unlinkat',
    'rename',
    'renameat',
    'renameat2',
    'mkdir',
    'mkdirat',
    'rmdir',
    'link',
    'linkat',
    'symlink',
    'symlinkat',
    'chmod',
    'fchmod',
    'fchmodat',
    'chown',
    'fchown',
    'lchown',
    'fchownat',
    'mknod',
    'mknodat',
    'utime',
    'utimes',
    'utimensat',
    'futimesat',
    'setxattr',
    'lsetxattr',
    'fsetxattr',
    'removexattr',
    'lremovexattr',
    'fremovexattr',
    'name_to_handle_at',
    'open_by_handle_at',
    'chroot',
    'pivot_root',
    'mount',
    'umount2',
    'fanotify_init',
    'quotactl',
    'acct',
    'swapon',
    'swapoff',
    # identity, limits and the kernel
    'setuid',
    'setgid',
    'setreuid',
    'setregid',
    'setresuid',
    'setresgid',
    'setgroups',
    'setfsuid',
    'setfsgid',
    'capset',
    'setrlimit',
    'unshare',
    'setns',
    'personality',
    'bpf',
    'perf_event_open',
    'userfaultfd',
    'io_uring_setup',
    'io_uring_enter',
    'io_uring_register',
    'keyctl',
    'add_key',
    'request_key',
    'init_module',
    'finit_module',
    'delete_module',
    'kexec_load',
    'kexec_file_load',
    'reboot',
    'syslog',
    'settimeofday',
    'clock_settime',
    'clock_adjtime',
    'adjtimex',
    'sethostname',
    'setdomainname',
    'iopl',
    'ioperm',
    'lookup_dcookie',
    'move_pages',
    'migrate_pages',
    # mounts (the worker may hold CAP_SYS_ADMIN: Landlock does not mediate these)
    'mount',
    'umount2',
    'pivot_root',
    'mount_setattr',
    'open_tree',
    'move_mount',
    'fsopen',
    'fsconfig',
    'fsmount',
    'fspick',
    'unshare',
    'setns',
    # the terminal, other processes' scheduling, System V IPC (memory outside the run), watches
    'vhangup',
    'setpriority',
    'sched_setscheduler',
    'sched_setparam',
    'sched_setaffinity',
    'ioprio_set',
    'shmget',
    'shmat',
    'shmctl',
    'shmdt',
    'msgget',
    'msgsnd',
    'msgrcv',
    'msgctl',
    'semget',
    'semop',
    'semtimedop',
    'semctl',
    'inotify_init',
    'inotify_init1',
    'inotify_add_watch',
    'fanotify_init',
    'fanotify_mark',
    'keyctl',
    'add_key',
    'request_key',
    'bpf',
    'perf_event_open',
    'userfaultfd',
    'io_uring_setup',
    'io_uring_enter',
    'io_uring_register',
)
_DENY = tuple(dict.fromkeys(_DENY))  # (each once: some are listed under two headings)
_WRITE_FLAGS = (os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_TRUNC, os.O_APPEND, 0o20000000)  # + __O_TMPFILE
CLONE_THREAD = 0x10000


def _load_seccomp() -> Any:
    """The binding, loaded before Landlock closes the filesystem (it looks libseccomp.so.2 up); or
    the reason it is unavailable."""
    try:
        import pyseccomp

        return pyseccomp
    except Exception as e:  # (the binding, or libseccomp.so.2, is missing)
        return f'pyseccomp/libseccomp unavailable: {type(e).__name__}: {e}'


def _seccomp(sc: Any) -> Check:
    if isinstance(sc, str):
        return ('seccomp', False, sc)
    eperm = sc.ERRNO(errno.EPERM)
    pid = os.getpid()
    try:
        f = sc.SyscallFilter(sc.ALLOW)
        for name in _DENY:
            try:
                f.add_rule(eperm, name)
            except (ValueError, OSError):  # not a syscall on this architecture
                pass
        for call, index in (('open', 1), ('openat', 2)):
            for flag in _WRITE_FLAGS:
                f.add_rule(eperm, call, sc.Arg(index, sc.MASKED_EQ, flag, flag))
        f.add_rule(sc.ERRNO(errno.ENOSYS), 'openat2')  # flags behind a pointer: libc falls back to openat
        f.add_rule(sc.ERRNO(errno.ENOSYS), 'clone3')  # likewise: falls back to clone, checked below
        f.add_rule(eperm, 'clone', sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))  # a process, not a thread
        f.add_rule(eperm, 'kill', sc.Arg(0, sc.NE, pid))
        f.add_rule(eperm, 'tgkill', sc.Arg(0, sc.NE, pid))
        f.add_rule(eperm, 'prlimit64', sc.Arg(2, sc.NE, 0))  # reading limits is fine, setting is not
        f.load()
    except OSError as e:
        return ('seccomp', False, f'the filter could not be loaded: {e}')
    return (
        'seccomp',
        True,
        f'filter loaded: {len(_DENY)} system calls denied, writes and process clones refused',
    )


# -- resource limits ------------------------------------------------------------------------------------
def _set_limit(name: str, which: int, value: int) -> Check:
    try:
        resource.setrlimit(which, (value, value))
    except (OSError, ValueError) as e:
        return (name, False, f'setrlimit failed: {e}')
    got = resource.getrlimit(which)
    return (name, got == (value, value), f'{got[0]}')


def _open_fds() -> list[int]:
    try:
        return sorted(int(n) for n in os.listdir('/proc/self/fd'))
    except OSError:
        return []


def _rlimits(is_root: bool) -> list[Check]:
    checks = [
        _set_limit('RLIMIT_CORE', resource.RLIMIT_CORE, 0),
        _set_limit('RLIMIT_FSIZE', resource.RLIMIT_FSIZE, 0),
        _set_limit('RLIMIT_NOFILE', resource.RLIMIT_NOFILE, max(_open_fds(), default=2) + 9),
    ]
    nproc = _set_limit('RLIMIT_NPROC', resource.RLIMIT_NPROC, 0)
    if is_root and nproc[1]:
        nproc = (nproc[0], True, '0 (not enforced for root: seccomp refuses process clones)')
    checks.append(nproc)
    return checks


def _prctl_checks() -> list[Check]:
    out: list[Check] = []
    ok = _prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
    out.append(('no_new_privs', ok and status_field('NoNewPrivs') == '1', 'PR_SET_NO_NEW_PRIVS'))
    ok = _prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    out.append(('not_dumpable', ok, 'PR_SET_DUMPABLE=0: no ptrace attach, no core dump'))
    return out


def status_field(name: str) -> str:
    """A field of /proc/self/status ('' when unreadable)."""
    try:
        with open('/proc/self/status', encoding='ascii', errors='replace') as f:
            for line in f:
                key, _, value = line.partition(':')
                if key == name:
                    return value.strip()
    except OSError:
        pass
    return ''


def set_parent_death_signal() -> bool:
    """Be killed if the host dies (a worker never outlives its pool)."""
    return _prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0) == 0


# -- verification ------------------------------------------------------------------------------------------
def _refused(action: Any) -> bool:
    try:
        action()
    except PermissionError:
        return True
    except OSError as e:
        return e.errno in (errno.EPERM, errno.EACCES, errno.ENOSYS)
    return False


def _verify(probe_read: str | None) -> list[Check]:
    checks: list[Check] = [
        ('seccomp_mode', status_field('Seccomp') == '2', f'Seccomp: {status_field("Seccomp") or "?"}'),
        (
            'no_socket',
            _refused(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()),
            'socket() refused',
        ),
        ('no_exec', _refused(lambda: os.execv('/nonexistent/monty-probe', ['probe'])), 'execve() refused'),
        ('no_fork', _refused(_fork_probe), 'fork() refused'),
        (
            'no_file_write',
            _refused(lambda: os.close(os.open('/nonexistent/monty-probe', os.O_WRONLY | os.O_CREAT, 0o600))),
            'opening a file for writing refused',
        ),
    ]
    if probe_read is not None:
        checks.append(
            (
                'no_read_outside',
                _refused(lambda: os.close(os.open(probe_read, os.O_RDONLY))),
                f'reading {probe_read} refused',
            )
        )
    return checks


def _fork_probe() -> None:
    pid = os.fork()
    if pid == 0:  # pragma: no cover (only if fork was allowed)
        os._exit(0)
    os.waitpid(pid, 0)


def confine(read_paths: Iterable[str], *, probe_read: str | None = '/etc/passwd') -> list[Check]:
    """Confine this process (see the module docstring); return every check, passed or not."""
    is_root = os.geteuid() == 0
    binding = _load_seccomp()
    checks = _rlimits(is_root)
    checks += _prctl_checks()
    checks.append(_landlock(read_paths))
    checks.append(_seccomp(binding))
    checks += _verify(probe_read if checks[-2][1] else None)
    return checks
