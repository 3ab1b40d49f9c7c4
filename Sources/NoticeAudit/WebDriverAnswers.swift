/// What chromedriver and DevTools answer, as typed values: each answer the audit reads is one Decodable
/// struct with the keys it uses, spelt once, so a misspelt key is a compile error rather than an empty
/// result. Keys the audit does not read are not listed; values a browser may leave out are optional.
enum WebDriverAnswer {
    /// Every WebDriver answer: `{"value": …}`.
    struct Envelope<Value: Decodable>: Decodable {
        var value: Value
    }

    /// An answer that is an error: `{"value": {"error": "timeout", "message": "…"}}`.
    struct Error: Decodable {
        var error: String
        var message: String?
    }

    /// An answer whose content the audit does not need (it only has to be an answer).
    struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// `POST /session`.
    struct NewSession: Decodable {
        struct Capabilities: Decodable {
            var browserVersion: String?
        }

        var sessionId: String
        var capabilities: Capabilities?
    }

    /// One element of `POST elements`: its id, under the W3C's element key
    /// (`element-6066-11e4-a931-00034c4b6b1f`) or the older protocol's (`ELEMENT`), as drivers differ.
    struct Element: Decodable {
        var id: String

        init(from decoder: any Decoder) throws {
            let keys = try decoder.singleValueContainer().decode([String: String].self)
            guard let id = keys["element-6066-11e4-a931-00034c4b6b1f"] ?? keys["ELEMENT"] ?? keys.values.first else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an element without an id"))
            }
            self.id = id
        }
    }

    /// One entry of chromedriver's performance log: a DevTools event, as JSON text.
    struct LogEntry: Decodable {
        var message: String
    }
}

/// The DevTools answers and events the audit reads (Chrome DevTools Protocol, domains Network, Storage,
/// Page, DOMStorage and IndexedDB).
enum DevTools {
    /// `Storage.getCookies` and `Network.getAllCookies`.
    struct Cookies: Decodable {
        var cookies: [Cookie]?
    }

    struct Cookie: Decodable {
        var name: String
        var domain: String
        var path: String?
        /// Seconds since 1970; -1 (or absent) for a session cookie.
        var expires: Double?
        var session: Bool?
        var httpOnly: Bool?
        var secure: Bool?
        var sameSite: String?
        /// Present for a partitioned cookie (CHIPS); a text or an object depending on the version.
        var partitionKey: Present?
    }

    /// A value whose presence is what counts, whatever its shape.
    struct Present: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// `Page.getFrameTree`.
    struct FrameTree: Decodable {
        struct Node: Decodable {
            struct Frame: Decodable {
                var securityOrigin: String?
            }

            var frame: Frame
            var childFrames: [Node]?
        }

        var frameTree: Node
    }

    /// `DOMStorage.getDOMStorageItems`: each entry is a key and its value.
    struct StorageItems: Decodable {
        var entries: [[String]]
    }

    /// `IndexedDB.requestDatabaseNames`.
    struct DatabaseNames: Decodable {
        var databaseNames: [String]
    }

    /// A performance log entry's text: `{"message": {"method": …, "params": …}}`.
    struct LoggedEvent: Decodable {
        var message: Event
    }

    /// One network event, with the parameters the audit reads of the events it uses
    /// (`requestWillBeSent`, `webSocketCreated`, `responseReceivedExtraInfo`).
    struct Event: Decodable {
        struct Parameters: Decodable {
            struct Request: Decodable {
                var url: String
            }

            struct BlockedCookie: Decodable {
                var cookieLine: String?
                var blockedReasons: [String]?
            }

            var request: Request?
            var requestId: String?
            /// A WebSocket's address.
            var url: String?
            /// A response's headers as the browser received them (several `Set-Cookie` lines joined by
            /// line breaks).
            var headers: [String: String]?
            var blockedCookies: [BlockedCookie]?

            enum CodingKeys: String, CodingKey {
                case request, requestId, url, headers, blockedCookies
            }

            // Each value on its own: a browser's event with an unexpected shape in one of them keeps the
            // others (a header that is not a text is left out, not the response).
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                request = try? container.decodeIfPresent(Request.self, forKey: .request)
                requestId = try? container.decodeIfPresent(String.self, forKey: .requestId)
                url = try? container.decodeIfPresent(String.self, forKey: .url)
                headers = (try? container.decodeIfPresent([String: Lenient].self, forKey: .headers))?.compactMapValues(\.text)
                blockedCookies = try? container.decodeIfPresent([BlockedCookie].self, forKey: .blockedCookies)
            }
        }

        /// A text, or nothing when the value is something else.
        struct Lenient: Decodable {
            var text: String?

            init(from decoder: any Decoder) throws {
                text = try? decoder.singleValueContainer().decode(String.self)
            }
        }

        var method: String
        var params: Parameters?
    }
}
