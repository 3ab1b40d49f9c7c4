/// What the audit sends chromedriver, as typed values: each command's body is one Encodable struct, so
/// its keys are spelt once and checked by the compiler rather than built as dictionaries.
enum WebDriverCommand {
    /// `POST /session`: a fresh Chromium with the audit's capabilities.
    struct NewSession: Encodable {
        struct Capabilities: Encodable {
            struct AlwaysMatch: Encodable {
                var browserName = "chrome"
                var chromeOptions: ChromeOptions
                var loggingPrefs = ["performance": "ALL"]
                var unhandledPromptBehavior = "dismiss"
                var timeouts: Timeouts

                enum CodingKeys: String, CodingKey {
                    case browserName, unhandledPromptBehavior, timeouts
                    case chromeOptions = "goog:chromeOptions"
                    case loggingPrefs = "goog:loggingPrefs"
                }
            }

            var alwaysMatch: AlwaysMatch
        }

        struct ChromeOptions: Encodable {
            var binary: String
            var args: [String]
            var prefs: Preferences
        }

        /// As a visitor's browser is by default: third-party cookies allowed.
        struct Preferences: Encodable {
            var blockThirdPartyCookies = false
            var cookieControlsMode = 0

            enum CodingKeys: String, CodingKey {
                case blockThirdPartyCookies = "profile.block_third_party_cookies"
                case cookieControlsMode = "profile.cookie_controls_mode"
            }
        }

        struct Timeouts: Encodable {
            /// Milliseconds.
            var pageLoad: Int
            var script: Int
        }

        var capabilities: Capabilities
    }

    struct Navigate: Encodable {
        var url: String
    }

    struct FindElements: Encodable {
        var using = "css selector"
        var value: String
    }

    /// A command that takes no parameters but must send a JSON object (`element/ID/click`).
    struct NoParameters: Encodable {}

    struct ExecuteScript: Encodable {
        var script: String
        var args: [String] = []
    }

    /// chromedriver's DevTools passthrough (`goog/cdp/execute`): a DevTools method and its parameters.
    struct DevTools<Parameters: Encodable>: Encodable {
        var cmd: String
        var params: Parameters
    }

    /// DevTools' `DOMStorage.StorageId`.
    struct StorageID: Encodable {
        var securityOrigin: String
        var isLocalStorage: Bool
    }

    /// chromedriver's log (`se/log`), for the performance log.
    struct ReadLog: Encodable {
        var type: String
    }
}
