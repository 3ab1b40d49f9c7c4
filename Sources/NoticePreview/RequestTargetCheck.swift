import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Marks a request whose target is not a path (`GET http://elsewhere/cookies/ HTTP/1.1`, as a proxy is
/// asked), which the conversion to HTTP types would otherwise turn into the plain path `/cookies/`: the
/// preview answers only browsers asking an origin server, so such a request must not reach a page.
///
/// Hummingbird adds this handler after its HTTP/1 conversion; once added, it puts its partner, which reads
/// the raw request line, just before that conversion.
final class RequestTargetCheck: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// The header the partner sets (and strips from what clients send), which the responder refuses.
    static let markerHeader = "x-notice-request-target"

    func handlerAdded(context: ChannelHandlerContext) {
        let operations = context.pipeline.syncOperations
        if let conversion = try? operations.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? operations.addHandler(RawTargetMarker(), position: .before(conversion))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    /// Sees the HTTP/1 request head as it arrived.
    final class RawTargetMarker: ChannelInboundHandler, RemovableChannelHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias InboundOut = HTTPServerRequestPart

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(var head) = unwrapInboundIn(data) else {
                context.fireChannelRead(data)
                return
            }
            head.headers.remove(name: RequestTargetCheck.markerHeader)
            if !head.uri.hasPrefix("/") { head.headers.add(name: RequestTargetCheck.markerHeader, value: "not-a-path") }
            context.fireChannelRead(wrapInboundOut(.head(head)))
        }
    }
}
