@testable import HarborScaffoldKit

/// Dockerfiles rendered from the project's own blueprints (stack templates with their services'
/// fragments), as a scaffolded task holds them at skeleton stage. The Dockerfile rules must report no
/// error or warning on any of them; rendering them here keeps the fixtures in step with `Blueprints/`.
enum BlueprintDockerfiles {
    /// Stack and services of each fixture, named by language and Key Technologies.
    private static let combinations: [(name: String, language: String, technologies: String)] = [
        ("python-fastapi + postgresql", "python", "FastAPI, PostgreSQL"),
        ("node-express (TypeScript) + mongodb", "typescript", "Express, MongoDB"),
        ("python-django + mongodb, mysql, postgresql, redis", "python", "Django, MongoDB, MySQL, PostgreSQL, Redis"),
        ("go-plain + mysql, redis", "go", "Go, MySQL, Redis"),
        ("java-spring + mongodb, mysql, postgresql, redis", "java", "Spring Boot, MongoDB, MySQL, PostgreSQL, Redis"),
    ]

    /// Every fixture with its name.
    static let all: [(name: String, text: String)] = combinations.map { combination in
        let draft = BlueprintTests.draft(language: combination.language, technologies: combination.technologies)
        let plan = try! Scaffolder(library: BlueprintTests.library).plan(draft, taskID: "draft_dp_fixture")
        let expected = combination.name.split(separator: " ").first.map(String.init)
        precondition(plan.selection.stack.id == expected, "\(combination.name) selected \(plan.selection.ids)")
        return (combination.name, plan.files.first { $0.path == "Dockerfile" }?.content ?? "")
    }
}
