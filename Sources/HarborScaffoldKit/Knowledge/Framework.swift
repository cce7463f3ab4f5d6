/// A framework or library that belongs to one language ecosystem, used to check that a draft's
/// stack agrees with its Language and to pick a blueprint.
public struct Framework: Sendable, Hashable {
    /// Display name.
    public let name: String
    /// The language family it belongs to (see ``Language/family``).
    public let family: String
    /// Phrases that name it in text.
    public let phrases: [String]

    /// Frameworks the tool recognises.
    public static let known: [Framework] = [
        Framework(name: "Django", family: "python", phrases: ["django", "django rest framework", "drf"]),
        Framework(name: "Flask", family: "python", phrases: ["flask"]),
        Framework(name: "FastAPI", family: "python", phrases: ["fastapi", "fast api"]),
        Framework(name: "SQLAlchemy", family: "python", phrases: ["sqlalchemy"]),
        Framework(name: "Celery", family: "python", phrases: ["celery"]),
        Framework(name: "Alembic", family: "python", phrases: ["alembic"]),
        Framework(name: "Pydantic", family: "python", phrases: ["pydantic"]),
        Framework(name: "Express", family: "node", phrases: ["express", "expressjs", "express js"]),
        Framework(name: "NestJS", family: "node", phrases: ["nestjs", "nest js"]),
        Framework(name: "Koa", family: "node", phrases: ["koa"]),
        Framework(name: "Fastify", family: "node", phrases: ["fastify"]),
        Framework(name: "Next.js", family: "node", phrases: ["next js", "nextjs"]),
        Framework(name: "Prisma", family: "node", phrases: ["prisma"]),
        Framework(name: "TypeORM", family: "node", phrases: ["typeorm"]),
        Framework(name: "Sequelize", family: "node", phrases: ["sequelize"]),
        Framework(name: "Mongoose", family: "node", phrases: ["mongoose"]),
        Framework(name: "Gin", family: "go", phrases: ["gin", "gin gonic"]),
        Framework(name: "Echo", family: "go", phrases: ["labstack echo"]),
        Framework(name: "Fiber", family: "go", phrases: ["gofiber", "go fiber"]),
        Framework(name: "GORM", family: "go", phrases: ["gorm"]),
        Framework(name: "chi", family: "go", phrases: ["go chi", "chi router"]),
        Framework(name: "net/http", family: "go", phrases: ["net http"]),
        Framework(name: "axum", family: "rust", phrases: ["axum"]),
        Framework(name: "Actix", family: "rust", phrases: ["actix", "actix web"]),
        Framework(name: "Rocket", family: "rust", phrases: ["rocket rs"]),
        Framework(name: "Tokio", family: "rust", phrases: ["tokio"]),
        Framework(name: "Diesel", family: "rust", phrases: ["diesel"]),
        Framework(name: "SQLx", family: "rust", phrases: ["sqlx"]),
        Framework(name: "Spring Boot", family: "java", phrases: ["spring boot", "spring", "springboot"]),
        Framework(name: "Hibernate", family: "java", phrases: ["hibernate", "jpa"]),
        Framework(name: "Quarkus", family: "java", phrases: ["quarkus"]),
        Framework(name: "Micronaut", family: "java", phrases: ["micronaut"]),
        Framework(name: "Maven", family: "java", phrases: ["maven"]),
        Framework(name: "Gradle", family: "java", phrases: ["gradle"]),
    ]

    /// All phrases of all frameworks, matched in one pass.
    public static let phraseSet = PhraseSet(known.flatMap(\.phrases))

    private static let owners: [Framework] = known.flatMap { framework in framework.phrases.map { _ in framework } }

    /// The frameworks named in `text`, each with the tokens that name it, in order.
    public static func mentions(in text: TokenizedText) -> [(framework: Framework, tokens: Range<Int>)] {
        phraseSet.matches(in: text).map { (owners[$0.phrase], $0.tokens) }
    }
}
