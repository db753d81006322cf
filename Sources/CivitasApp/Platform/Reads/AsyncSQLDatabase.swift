import Logging
import NIOCore
import SQLKit

/// A database whose statements run in `async` code: SQLKit's future-returning `execute`, which
/// some of its helpers still call, is made from the async one.
protocol AsyncSQLDatabase: SQLDatabase {}

extension AsyncSQLDatabase {
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }
}

/// A database that runs statements its own way over another reader (`ReadsSentAnotherWay`,
/// `SQLiteReadsOffTheLoops`), with that reader's logger, loop and dialect.
protocol ReaderWrapping: AsyncSQLDatabase {
    var wrappedReader: any SQLDatabase { get }
}

extension ReaderWrapping {
    var logger: Logger { wrappedReader.logger }
    var eventLoop: any EventLoop { wrappedReader.eventLoop }
    var dialect: any SQLDialect { wrappedReader.dialect }
    var queryLogLevel: Logger.Level? { nil }
}
