/// The operating system's folders, which no build replaces even with `--force`.
enum SystemFolders {
    /// Folders that are never an output folder themselves (folders inside some of them may be, such
    /// as a web server's `/var/www/html` or `/srv/www`).
    static let folders: Set<String> = [
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt",
        "/proc", "/root", "/run", "/sbin", "/snap", "/srv", "/sys", "/tmp", "/usr", "/var", "/dev/shm", "/dev/pts",
        "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec", "/usr/local", "/usr/sbin",
        "/usr/share", "/usr/src", "/usr/local/bin", "/usr/local/lib", "/usr/local/share",
        "/var/backups", "/var/cache", "/var/lib", "/var/log", "/var/mail", "/var/opt", "/var/spool", "/var/tmp", "/var/www",
        // macOS
        "/Applications", "/Library", "/System", "/Users", "/Volumes", "/cores", "/private", "/private/etc",
        "/private/tmp", "/private/var",
    ]

    /// Folders nothing is ever written into, however deep. (`/dev` is not one: `/dev/shm` is a
    /// memory-backed folder builds and benchmarks use.)
    static let trees: [String] = [
        "/bin", "/boot", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys",
        "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec", "/usr/sbin",
        "/var/lib", "/var/log", "/System", "/private/etc",
    ]

    /// The system folder that rules out `path` (itself, or the tree it is in), or `nil`.
    static func protecting(_ path: String) -> String? {
        if folders.contains(path) { return path }
        return trees.first { path.hasPrefix($0 + "/") }
    }
}
