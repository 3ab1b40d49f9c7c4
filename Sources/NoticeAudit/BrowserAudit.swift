public import Foundation
import NoticeKit
import NoticePreview

/// Loads pages in real Chromium in every consent state and records what happens.
///
/// Each state starts from a fresh browser profile and is reached as a visitor would reach it, by
/// clicking the consent script's own buttons: nothing is written into cookies by hand.
public struct BrowserAudit: Sendable {
    public var chromedriver: URL
    public var chromium: String
    /// How long to let a page's scripts run after it has loaded.
    public var settle: Duration = .milliseconds(500)
    /// How long a page may take to load before it is given up (and recorded as not audited).
    public var pageTimeout: Duration = .seconds(30)
    /// How long to watch a loaded page at most, for tags that act late (`--wait`).
    public var wait: Duration = .seconds(10)
    /// How long a page must stay quiet (no new request, cookie or stored item) to count as done.
    public var quietPeriod: Duration = .seconds(2)
    /// How many of the states after a choice (Reject, Accept, withdrawal) are audited at once, each in
    /// a browser of its own (`--parallel`): an audit spends most of its time waiting for pages to go
    /// quiet, so side by side they take little longer than one.
    public var parallelStates = 3

    public init(chromedriver: URL = URL(fileURLWithPath: "/usr/bin/chromedriver"), chromium: String = "/usr/bin/chromium") {
        self.chromedriver = chromedriver
        self.chromium = chromium
    }

    /// Audits `pages`, or, when it is `nil`, the pages found by following same-site links from `start`
    /// breadth first, at most `limit` of them.
    public func run(start: URL, pages known: [URL]?, limit: Int) async throws -> AuditEvidence {
        guard FileManager.default.isExecutableFile(atPath: chromedriver.path) else {
            throw WebDriver.Failure(description: "there is no chromedriver at \(chromedriver.path); install Chromium and its driver (on Debian: apt-get install chromium chromium-driver), or give its path with --chromedriver")
        }
        guard FileManager.default.isExecutableFile(atPath: chromium) else {
            throw WebDriver.Failure(description: "there is no Chromium at \(chromium); install it (on Debian: apt-get install chromium chromium-driver), or give its path with --chromium")
        }
        guard let port = PortFinder.firstFree(host: "127.0.0.1", from: 9_515) else {
            throw WebDriver.Failure(description: "no free loopback port for chromedriver")
        }
        var driver = try await WebDriver(chromedriver: chromedriver, port: port, pageTimeout: pageTimeout)
        defer { driver.stop() }
        var skipped: [SkippedPage] = []

        // No choice yet: this visit also finds the pages (when crawling) and the consent script. The first
        // page must load: without it there is nothing to audit.
        try await driver.startBrowser(binary: chromium)
        try await driver.runBeforePageScripts(writeHook)
        var noChoice = StateEvidence(state: .noChoice)
        // Breadth first, with every address queued once: a page of 50,000 links costs 50,000 look-ups, not
        // 50,000 times the queue.
        var queue = known ?? [start]
        var queuedAddresses = Set(queue.map(Self.withoutQuery))
        var next = 0
        var pages: [URL] = []
        var usesConsentScript = false
        while next < queue.count, pages.count < limit {
            let page = queue[next]
            next += 1
            do {
                try await visit(page, driver: driver, into: &noChoice)
            } catch let skip as PageSkipped where !pages.isEmpty {
                skipped.append(SkippedPage(state: .noChoice, page: page.absoluteString, reason: skip.reason))
                driver = try await recover(driver, port: port, state: .noChoice, firstPage: pages[0])
                continue
            } catch let skip as PageSkipped {
                throw WebDriver.Failure(description: "the first page, \(page.absoluteString), could not be audited: \(skip.reason); check the address and that the site is up")
            }
            pages.append(page)
            if pages.count == 1 {
                usesConsentScript = try await !driver.elements("[\(ConsentMarkup.action)=\"accept\"]").isEmpty
                noChoice.screenshot = try? await driver.screenshot()
            }
            if known == nil, pages.count < limit {
                // One address is one page, whatever its query (`?page=2`, `?sort=a`): --pages counts addresses.
                for link in try await links(driver: driver, sameOriginAs: start) where queuedAddresses.insert(Self.withoutQuery(link)).inserted {
                    queue.append(link)
                }
            }
        }
        await driver.closeBrowser()
        var states = [noChoice]
        let browserVersion = driver.browserVersion
        guard usesConsentScript else {
            var evidence = AuditEvidence(siteHost: start.host ?? "", states: states, usesConsentScript: false, skipped: skipped)
            evidence.browserVersion = browserVersion
            return evidence
        }
        var notes: [String] = []
        // The other states side by side, each from its own chromedriver and fresh browser; their
        // evidence is kept in the states' order whatever order they finish in.
        let later: [AuditState] = [.rejected, .accepted, .withdrawn]
        var results: [AuditState: StateResult] = [:]
        var remaining = later[...]
        while !remaining.isEmpty {
            let batch = remaining.prefix(max(1, parallelStates))
            remaining = remaining.dropFirst(batch.count)
            var ports: [Int] = []
            for _ in batch {
                guard let free = PortFinder.firstFree(host: "127.0.0.1", from: (ports.last ?? port) + 1) else {
                    throw WebDriver.Failure(description: "no free loopback port for chromedriver")
                }
                ports.append(free)
            }
            let found = pages
            try await withThrowingTaskGroup(of: (AuditState, StateResult).self) { group in
                for (state, statePort) in zip(batch, ports) {
                    group.addTask { (state, try await self.audit(state, pages: found, port: statePort)) }
                }
                for try await (state, result) in group { results[state] = result }
            }
        }
        for state in later {
            guard let result = results[state] else { continue }
            skipped += result.skipped
            if let note = result.note { notes.append(note) }
            if let evidence = result.evidence { states.append(evidence) }
        }
        var evidence = AuditEvidence(siteHost: start.host ?? "", states: states, usesConsentScript: true, skipped: skipped)
        evidence.notes = notes
        evidence.browserVersion = browserVersion
        return evidence
    }

    /// What one state's audit found: its evidence, or why it could not be reached, and the pages skipped.
    struct StateResult: Sendable {
        var evidence: StateEvidence?
        var note: String?
        var skipped: [SkippedPage] = []
    }

    /// One state after a choice, in a browser of its own: reached as a visitor would, then every page.
    private func audit(_ state: AuditState, pages: [URL], port: Int) async throws -> StateResult {
        var driver = try await WebDriver(chromedriver: chromedriver, port: port, pageTimeout: pageTimeout)
        defer { driver.stop() }
        try await driver.startBrowser(binary: chromium)
        try await driver.runBeforePageScripts(writeHook)
        var evidence = StateEvidence(state: state)
        var result = StateResult()
        // A state that cannot be reached (a policy page without its settings form) is said, and the
        // other states' evidence is kept.
        do {
            try await reach(state, driver: driver, firstPage: pages[0])
        } catch {
            await driver.closeBrowser()
            result.note = "the state \(state.phrase) could not be reached, so it was not audited: \(error)"
            return result
        }
        for page in pages {
            do {
                try await visit(page, driver: driver, into: &evidence)
                if page == pages[0] { evidence.screenshot = try? await driver.screenshot() }
            } catch let skip as PageSkipped {
                result.skipped.append(SkippedPage(state: state, page: page.absoluteString, reason: skip.reason))
                driver = try await recover(driver, port: port, state: state, firstPage: pages[0])
            }
        }
        await driver.closeBrowser()
        result.evidence = evidence
        return result
    }

    /// A page that could not be audited in a state, and why.
    struct PageSkipped: Error {
        var reason: String
    }

    /// Makes the choice of a state, from the first page, as a visitor would.
    private func reach(_ state: AuditState, driver: WebDriver, firstPage: URL) async throws {
        guard state != .noChoice else { return }
        try await driver.navigate(to: firstPage.absoluteString)
        try await press(state == .rejected ? "reject" : "accept", driver: driver)
        if state == .withdrawn { try await withdraw(driver: driver) }
        // What reaching the state did (the Accept click's requests, the policy page's) is not evidence of the
        // state: each state's evidence starts once it is reached.
        _ = try await driver.performanceLog()
    }

    /// After a page that wedged the browser (it never finished loading, or its script never ends): a new
    /// chromedriver and browser, the old ones ended, and the state made again.
    private func recover(_ driver: WebDriver, port: Int, state: AuditState, firstPage: URL) async throws -> WebDriver {
        driver.stop()
        let fresh = try await WebDriver(chromedriver: chromedriver, port: port, pageTimeout: pageTimeout)
        try await fresh.startBrowser(binary: chromium)
        try await fresh.runBeforePageScripts(writeHook)
        try await reach(state, driver: fresh, firstPage: firstPage)
        return fresh
    }

    /// Clicks one of the banner's buttons, as a visitor would.
    private func press(_ action: String, driver: WebDriver) async throws {
        guard let button = try await driver.elements("[\(ConsentMarkup.action)=\"\(action)\"]").first else {
            throw WebDriver.Failure(description: "the consent banner has no '\(action)' button on the first page")
        }
        try await driver.click(button)
        try await Task.sleep(for: settle)
    }

    /// On the policy page's settings form, "Do not use" for every category, then Save.
    private func withdraw(driver: WebDriver) async throws {
        // The settings form's address from a control that opens it (the banner's, or any page's Cookie
        // settings link), whatever the theme's markup.
        let policy = try await driver.execute(
            "var link = document.querySelector('a[href][\(ConsentMarkup.action)=\"choose\"]'); return link ? link.href : null", as: String?.self, otherwise: nil)
        if let policy { try await driver.navigate(to: policy) }
        let refusals = try await driver.elements("[\(ConsentMarkup.settings)] input[value=\"0\"]")
        guard !refusals.isEmpty else {
            throw WebDriver.Failure(description: "the cookie policy page has no settings form to withdraw consent with (```consent-settings```)")
        }
        for radio in refusals { try await driver.click(radio) }
        guard let save = try await driver.elements("[\(ConsentMarkup.settings)] form button:not([type=button])").first else {
            throw WebDriver.Failure(description: "the settings form has no save button")
        }
        try await driver.click(save)
        try await Task.sleep(for: settle)
    }

    /// Loads a page, lets its scripts run, and records cookies, storage keys and requests.
    private func visit(_ page: URL, driver: WebDriver, into evidence: inout StateEvidence) async throws {
        do {
            try await driver.navigate(to: page.absoluteString)
        } catch let failure as WebDriver.Failure where failure.code == "timeout" {
            throw PageSkipped(reason: "it did not finish loading within \(pageTimeout.components.seconds) seconds (--page-timeout)")
        } catch let failure as WebDriver.Failure where failure.noAnswer {
            throw PageSkipped(reason: "the browser stopped answering while loading it (\(failure.description))")
        } catch let failure as WebDriver.Failure {
            throw PageSkipped(reason: "Chromium could not load it (\(failure.description))")
        }
        // Where the page ended up: Chromium's own error page (a redirect loop, no server), or another site.
        let location: String
        do {
            location = try await driver.execute("return location.href", as: String?.self, otherwise: nil) ?? ""
        } catch {
            throw PageSkipped(reason: "its scripts did not let the audit look at it within \(pageTimeout.components.seconds) seconds")
        }
        if location.hasPrefix("chrome-error:") {
            throw PageSkipped(reason: "Chromium could not load it (no answer from the server, or a redirect loop)")
        }
        if let landed = URL(string: location), !Self.sameOrigin(landed, page) {
            throw PageSkipped(reason: "it redirects to another site, \(AuditRules.clip(location)); what happens there is not this site's page")
        }
        try await waitUntilQuiet(driver)
        let label = Self.label(page)
        let now = Date()
        var (requests, setBy, refused) = try await network(driver: driver, page: label, seenAt: now)
        // A cookie a script wrote: the script, from the hook on document.cookie (a response's Set-Cookie wins).
        let written = try await driver.execute("return window.\(Self.writesName) || []", as: [[String]].self, otherwise: [])
        var storageWriters: [String: String] = [:]
        for write in written where write.count == 3 {
            if write[0] == "cookie", setBy[write[1]] == nil { setBy[write[1]] = write[2] }
            if write[0] != "cookie", storageWriters[write[0] + "\u{0}" + write[1]] == nil { storageWriters[write[0] + "\u{0}" + write[1]] = write[2] }
        }
        var jar = try? await driver.devTools("Storage.getCookies", as: DevTools.Cookies.self).cookies
        if jar == nil { jar = try await driver.devTools("Network.getAllCookies", as: DevTools.Cookies.self).cookies }
        let cookies =
            (jar ?? []).map { cookie -> ObservedCookie in
                let session = cookie.session ?? true
                let expires = cookie.expires.flatMap { session || $0 <= 0 ? nil : Date(timeIntervalSince1970: $0) }
                var observed = ObservedCookie(
                    name: cookie.name, domain: cookie.domain, path: cookie.path ?? "/", expires: expires,
                    httpOnly: cookie.httpOnly ?? false, secure: cookie.secure ?? false,
                    sameSite: cookie.sameSite, page: label, setBy: setBy[cookie.name], seenAt: now)
                observed.partitioned = cookie.partitionKey != nil
                return observed
            } + refused
        let keys = try await driver.execute("try { return [Object.keys(localStorage), Object.keys(sessionStorage)]; } catch (error) { return [[], []]; }", as: [[String]].self, otherwise: [[], []])
        var storage =
            (keys.first ?? []).map { ObservedStorageKey(name: $0, area: .local, page: label, setBy: storageWriters["local\u{0}" + $0]) }
            + (keys.dropFirst().first ?? []).map { ObservedStorageKey(name: $0, area: .session, page: label, setBy: storageWriters["session\u{0}" + $0]) }
        storage += try await frameStorage(driver: driver, page: label, besides: page)
        storage += try await databases(driver: driver, page: label, writers: storageWriters)
        evidence.record(page: label, cookies: cookies, storage: storage, requests: requests)
    }

    /// The requests since the last look, which response set each cookie (`Set-Cookie`), and the cookies
    /// responses sent that the browser refused (each with the browser's reasons).
    private func network(driver: WebDriver, page: String, seenAt: Date) async throws -> ([ObservedRequest], [String: String], [ObservedCookie]) {
        var urls: [String: String] = [:]
        var requests: [ObservedRequest] = []
        var setBy: [String: String] = [:]
        var refused: [ObservedCookie] = []
        for event in try await driver.performanceLog() {
            guard let parameters = event.params else { continue }
            switch event.method {
            case "Network.requestWillBeSent":
                guard let url = parameters.request?.url, let host = URLComponents(string: url)?.host, url.hasPrefix("http") else { continue }
                if let id = parameters.requestId { urls[id] = url }
                requests.append(ObservedRequest(host: host.lowercased(), url: url, page: page))
            case "Network.webSocketCreated":
                // A WebSocket is a connection to its host like any request (`ws:`/`wss:` addresses).
                guard let url = parameters.url, let host = URLComponents(string: url)?.host else { continue }
                requests.append(ObservedRequest(host: host.lowercased(), url: url, page: page))
            case "Network.responseReceivedExtraInfo":
                guard let headers = parameters.headers, let id = parameters.requestId else { continue }
                for (name, value) in headers where name.lowercased() == "set-cookie" {
                    for line in value.split(separator: "\n") {
                        guard let equals = line.firstIndex(of: "=") else { continue }
                        setBy[line[..<equals].trimmingCharacters(in: .whitespaces)] = urls[id]
                    }
                }
                // A Set-Cookie this browser refused (not Secure over http, SameSite=None without Secure, a
                // domain the response may not set): the site still sent it.
                let url = urls[id] ?? ""
                let host = URLComponents(string: url)?.host ?? ""
                for blocked in parameters.blockedCookies ?? [] {
                    guard let line = blocked.cookieLine, var cookie = SetCookie.parse(line, host: host, url: url, page: page, seenAt: seenAt) else { continue }
                    cookie.refused = (blocked.blockedReasons ?? []).joined(separator: ", ")
                    refused.append(cookie)
                }
            default:
                break
            }
        }
        return (requests, setBy, refused)
    }

    /// Scrolls once to the end (tags that wait for a scroll), then watches the page until nothing new
    /// happens for `quietPeriod`: no new request, cookie or stored item, and no timer due within the wait
    /// still to fire (a pending timer makes every look new); at most `wait`. Tags that act a
    /// moment after the page has loaded are seen, without every page costing the maximum.
    private func waitUntilQuiet(_ driver: WebDriver) async throws {
        let probe =
            "try { window.scrollTo(0, document.documentElement.scrollHeight); } catch (e) {} "
            + "var n = 0; try { n = localStorage.length + sessionStorage.length; } catch (e) {} "
            + "var timers = window.\(Self.timersName) ? window.\(Self.timersName)() : 0; "
            + "return [performance.getEntriesByType('resource').length, document.cookie, n, timers > 0 ? Math.random() : 0].join('|');"
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var last = try await driver.execute(probe, as: String?.self, otherwise: nil)
        var quietSince = clock.now
        try await Task.sleep(for: settle)
        while clock.now < deadline {
            let now = try await driver.execute(probe, as: String?.self, otherwise: nil)
            if now != last {
                last = now
                quietSince = clock.now
            } else if clock.now - quietSince >= quietPeriod {
                return
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// How findings name a page: its path as the address gives it (`/help/`, with its final slash), and query.
    static func label(_ page: URL) -> String {
        let components = URLComponents(url: page, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? page.path
        return (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The address without its query.
    static func withoutQuery(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        components.query = nil
        return components.url ?? url
    }

    /// What the page's frames from other origins (an embedded video, a chat window) keep in local and
    /// session storage, read through DevTools, since the page's own scripts cannot see it.
    private func frameStorage(driver: WebDriver, page: String, besides pageURL: URL) async throws -> [ObservedStorageKey] {
        let origins = try await frameOrigins(driver: driver)
        let own = (pageURL.scheme ?? "") + "://" + (pageURL.host ?? "") + (pageURL.port.map { ":\($0)" } ?? "")
        var found: [ObservedStorageKey] = []
        _ = try? await driver.devTools("DOMStorage.enable", as: WebDriverAnswer.Ignored.self)
        for origin in origins where origin != own {
            for isLocal in [true, false] {
                let result = try? await driver.devTools(
                    "DOMStorage.getDOMStorageItems",
                    ["storageId": WebDriverCommand.StorageID(securityOrigin: origin, isLocalStorage: isLocal)], as: DevTools.StorageItems.self)
                for entry in result?.entries ?? [] where !entry.isEmpty {
                    found.append(ObservedStorageKey(name: entry[0], area: isLocal ? .local : .session, page: page))
                }
            }
        }
        return found
    }

    /// The origins of the page and of every frame in it, once each, in frame-tree order.
    private func frameOrigins(driver: WebDriver) async throws -> [String] {
        let tree = try await driver.devTools("Page.getFrameTree", as: DevTools.FrameTree.self)
        var origins: [String] = []
        func collect(_ node: DevTools.FrameTree.Node) {
            if let origin = node.frame.securityOrigin, origin.hasPrefix("http"), !origins.contains(origin) { origins.append(origin) }
            for child in node.childFrames ?? [] { collect(child) }
        }
        collect(tree.frameTree)
        return origins
    }

    /// The IndexedDB databases of the page and of its frames from other origins, read through DevTools.
    private func databases(driver: WebDriver, page: String, writers: [String: String]) async throws -> [ObservedStorageKey] {
        let origins = try await frameOrigins(driver: driver)
        var found: [ObservedStorageKey] = []
        for origin in origins {
            let result = try? await driver.devTools("IndexedDB.requestDatabaseNames", ["securityOrigin": origin], as: DevTools.DatabaseNames.self)
            for name in result?.databaseNames ?? [] {
                found.append(ObservedStorageKey(name: name, area: .indexedDB, page: page, setBy: writers["indexed-db\u{0}" + name]))
            }
        }
        return found
    }

    /// Where the hook keeps the writes it saw.
    static let writesName = "__noticeAuditWrites"

    /// Where the hook counts the timers still to fire within the wait.
    static let timersName = "__noticeAuditPendingTimers"

    /// Runs before any script of every page: wraps the `document.cookie` setter to note, for each cookie
    /// name written, the script that wrote it (the first address in the stack that is not the hook's);
    /// and counts the `setTimeout` timers due within the wait, so a tag that acts a few seconds late
    /// (with no request before it) keeps the page from counting as quiet.
    var writeHook: String {
        let limit = wait.components.seconds * 1_000
        return """
            (function () {
              var timers = {}, pending = 0, setTimer = window.setTimeout, clearTimer = window.clearTimeout;
              window.\(Self.timersName) = function () { return pending; };
              function done(id) { if (timers[id]) { delete timers[id]; pending--; } }
              window.setTimeout = function (callback, delay) {
                var args = Array.prototype.slice.call(arguments);
                if (typeof callback !== 'function' || Number(delay) > \(limit)) return setTimer.apply(this, args);
                var id;
                args[0] = function () { done(id); return callback.apply(this, arguments); };
                id = setTimer.apply(this, args);
                timers[id] = true;
                pending++;
                return id;
              };
              window.clearTimeout = function (id) { done(id); return clearTimer.apply(this, arguments); };
            })();
            (function () {
              var descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
              if (!descriptor || !descriptor.set) return;
              var writes = window.\(Self.writesName) = [];
              Object.defineProperty(Document.prototype, 'cookie', {
                configurable: true,
                get: function () { return descriptor.get.call(this); },
                set: function (value) {
                  try {
                    var name = String(value).split('=')[0].trim();
                    if (name && writes.length < 10000) writes.push(['cookie', name, writer()]);
                  } catch (e) {}
                  return descriptor.set.call(this, value);
                }
              });
              // localStorage and sessionStorage writes, by area.
              var setItem = Storage.prototype.setItem;
              Storage.prototype.setItem = function (key, value) {
                try {
                  var area = this === window.localStorage ? 'local' : 'session';
                  if (writes.length < 10000) writes.push([area, String(key), writer()]);
                } catch (e) {}
                return setItem.apply(this, arguments);
              };
              // IndexedDB databases, by name, as they are opened (which creates them).
              if (window.IDBFactory && IDBFactory.prototype.open) {
                var open = IDBFactory.prototype.open;
                IDBFactory.prototype.open = function (name) {
                  try { if (writes.length < 10000) writes.push(['indexed-db', String(name), writer()]); } catch (e) {}
                  return open.apply(this, arguments);
                };
              }
              // The first address in the stack that is not this hook's: the script that wrote.
              function writer() {
                var lines = (new Error().stack || '').split('\\n').slice(3);
                var found = lines.map(function (line) { var m = line.match(/(https?:\\/\\/[^\\s)]+?)(?::\\d+){0,2}\\)?$/); return m && m[1]; })
                  .filter(Boolean)[0];
                return found || location.href;
              }
            })();
            """
    }

    /// Same scheme, host and port.
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }

    /// The page's links to the same site (scheme, host and port), without fragments, in page order.
    private func links(driver: WebDriver, sameOriginAs start: URL) async throws -> [URL] {
        let hrefs = try await driver.execute("return Array.from(document.querySelectorAll('a[href]'), function (a) { return a.href; })", as: [String].self, otherwise: [])
        return hrefs.compactMap { href -> URL? in
            guard var components = URLComponents(string: href), components.scheme == start.scheme, components.host == start.host,
                components.port == start.port
            else { return nil }
            components.fragment = nil
            return components.url
        }
    }
}
