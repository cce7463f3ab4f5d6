import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct NearDuplicateTests {
    static let samples = Golden.root + "/Samples/shared_workspace/data_points"

    /// The sample drafts whose id passes `include`, as workspace files.
    static func sampleFiles(_ include: (String) -> Bool) -> [String: String] {
        var files: [String: String] = [:]
        for id in (try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? [] where include(id) {
            if let text = try? String(contentsOfFile: samples + "/\(id)/draft_spec.md", encoding: .utf8) {
                files[SyntheticDrafts.path(id)] = text
            }
        }
        return files
    }

    static func pairs(_ workspace: WorkspaceDrafts) -> [(String, String)] {
        WorkspaceChecker(selection: RuleSelection(select: ["X101"])).check(workspace).map { diagnostic in
            let ids = diagnostic.message.split(separator: " ").filter { $0.hasPrefix("draft_dp_") }.prefix(2).map(String.init)
            return (ids[0], ids[1])
        }
    }

    @Test func thePlantedSamplePairIsFoundAndTheGoodSamplesHaveNoOtherPair() {
        let good = Self.sampleFiles { !$0.hasPrefix("draft_dp_bad_") && !$0.hasPrefix("draft_dp_hostile_") }
        #expect(good.count >= 19)
        let found = Self.pairs(WorkspaceDrafts(files: good))
        #expect(found.count == 1)
        #expect(found.first.map { [$0.0, $0.1] } == ["draft_dp_fastapi_invoice_eager_loading", "draft_dp_fastapi_invoice_n_plus_one"])
        let withoutPlanted = good.filter { !$0.key.contains("eager_loading") }
        #expect(Self.pairs(WorkspaceDrafts(files: withoutPlanted)).isEmpty)
    }

    @Test func noPairAmongTheEighteenGoodSamplesOrTheBadOnes() {
        let all = Self.sampleFiles { !$0.contains("eager_loading") }
        #expect(Self.pairs(WorkspaceDrafts(files: all)).isEmpty)
    }

    @Test func plantedRewordedCopiesAreFoundAndNothingElse() {
        var files: [String: String] = [:]
        var planted: Set<String> = []
        var texts: [String] = []
        for index in 0..<400 {
            var text = SyntheticDrafts.draft(index)
            let id = String(format: "draft_dp_%04d", index)
            if index % 20 == 19 {
                text = SyntheticDrafts.reworded(texts[index - 7], every: 20, seed: UInt64(index))
                planted.insert(String(format: "draft_dp_%04d", index - 7) + " " + id)
            }
            texts.append(text)
            files[SyntheticDrafts.path(id)] = text
        }
        let found = Set(Self.pairs(WorkspaceDrafts(files: files)).map { $0.0 + " " + $0.1 })
        #expect(found == planted)
    }

    @Test func theSignatureEstimatesExactJaccard() {
        let original = SyntheticDrafts.draft(1)
        for every in [4, 8, 20] {
            let copy = SyntheticDrafts.reworded(original, every: every, seed: UInt64(every))
            let a = DraftSpec(source: SourceText(path: "a", text: original))
            let b = DraftSpec(source: SourceText(path: "b", text: copy))
            let exact = Self.exactJaccard(a, b)
            let sa = MinHash.signature(of: a)
            let sb = MinHash.signature(of: b)
            let estimate = sa.withUnsafeBufferPointer { x in sb.withUnsafeBufferPointer { y in MinHash.similarity(x, y) } }
            #expect(abs(estimate - exact) < 0.15, "every \(every): estimate \(estimate), exact \(exact)")
        }
    }

    /// Exact Jaccard similarity of the two drafts' shingle sets, computed the slow way.
    static func exactJaccard(_ a: DraftSpec, _ b: DraftSpec) -> Double {
        func shingles(_ draft: DraftSpec) -> Set<[UInt64]> {
            var out = Set<[UInt64]>()
            for field in draft.fields where field.kind.map(MinHash.fields.contains) == true {
                let hashes = field.tokens.hashes
                if hashes.count < 3 { out.insert(hashes); continue }
                for start in 0...(hashes.count - 3) { out.insert(Array(hashes[start..<(start + 3)])) }
            }
            return out
        }
        let x = shingles(a)
        let y = shingles(b)
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    @Test func identicalDraftsAreSimilarityOneAndEmptyDraftsAreNotCompared() {
        let text = SyntheticDrafts.draft(3)
        let files = [
            SyntheticDrafts.path("draft_dp_a"): text, SyntheticDrafts.path("draft_dp_b"): text,
            SyntheticDrafts.path("draft_dp_c"): "", SyntheticDrafts.path("draft_dp_d"): "Task: x\n",
        ]
        let found = WorkspaceChecker(selection: RuleSelection(select: ["X101"])).check(WorkspaceDrafts(files: files))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("similarity 1.00") == true)
        #expect(found.first?.path == "data_points/draft_dp_b/draft_spec.md")
        #expect(found.first?.line == 1)
    }

    @Test func manyCopiesOfOneTextStayNearLinear() {
        let text = SyntheticDrafts.draft(5)
        var files: [String: String] = [:]
        for index in 0..<120 { files[SyntheticDrafts.path(String(format: "draft_dp_%03d", index))] = text }
        let found = Self.pairs(WorkspaceDrafts(files: files))
        #expect(found.count == 119, "a bucket larger than \(NearDuplicates.largeBucket) pairs its members with the first only")
        #expect(found.allSatisfy { $0.0 == "draft_dp_000" })
    }

    @Test func bandingParametersFitTheSignature() {
        #expect(NearDuplicates.rows * NearDuplicates.bands <= MinHash.slots)
        #expect(MinHash.slots == 128)
    }
}
