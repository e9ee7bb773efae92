package dev.fluxion.bench.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.bench.ResultsTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checkpointing case's checks, as {@code mvn verify} runs them (the timings are not): every
 * tool verifies, the checkpointed tapes are small, and the case's rows replace their old ones in
 * {@code latest.tsv}.
 */
class EulerCaseTest {

  @Test
  void everyToolVerifiesOnAShorterRun() {
    EulerCase euler = new EulerCase(50_000);
    for (String label : CheckpointRun.TOOLS) {
      euler.verify(EulerTool.of(label));
    }
  }

  @Test
  void theCheckpointedTapesAreAHundredthOfTheRecordedOne() {
    EulerCase euler = new EulerCase(200_000);
    long recorded = euler.tapeBytes(EulerTool.RECORDED);
    for (int snapshots : new int[] {10, 100}) {
      long bytes = euler.tapeBytes(snapshots);
      assertTrue(bytes * 100 < recorded, snapshots + " snapshots: " + bytes + " bytes, recorded "
          + recorded);
      assertEquals(bytes, euler.tapeBytes(snapshots), "a byte count, not a measurement");
    }
  }

  @Test
  void toolsAreNamedAsInTheTable() {
    assertEquals(EulerTool.OBJECTIVE, EulerTool.of("objective").snapshots());
    assertEquals(EulerTool.RECORDED, EulerTool.of("fluxion-reverse").snapshots());
    assertEquals(100, EulerTool.of("fluxion-binomial-100").snapshots());
    assertThrows(IllegalArgumentException.class, () -> EulerTool.of("fluxion-binomial-0"));
    assertThrows(IllegalArgumentException.class, () -> EulerTool.of("hand"));
  }

  @Test
  void theCaseRowsReplaceTheirOldOnesInLatestTsv() {
    String table = ResultsTable.HEADER + "\nother\tobjective\t1\t-\t-\t0\n"
        + EulerCase.NAME + "\tobjective\t9\t-\t-\t0\n";
    String row = EulerCase.NAME + "\tobjective\t5\t-\t-\t0";
    assertEquals(ResultsTable.HEADER + "\nother\tobjective\t1\t-\t-\t0\n" + row + "\n",
        CheckpointRun.withRows(table, List.of(row)));
    assertEquals(ResultsTable.HEADER + "\n" + row + "\n", CheckpointRun.withRows("", List.of(row)));
  }
}
