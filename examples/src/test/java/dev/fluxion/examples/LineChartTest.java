package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tour's plots go, and the steps a log-scale chart plots. */
class LineChartTest {

  @Test
  void plotsGoBesideTheClassesOrTheJarUnlessAPropertySaysOtherwise(@TempDir Path temp) {
    // Under Maven the classes are in examples/target/classes: the plots in examples/target/plots.
    Path beside = LineChart.directory();
    assertEquals("plots", beside.getFileName().toString());
    assertEquals("target", beside.getParent().getFileName().toString());
    String previous = System.getProperty(LineChart.DIRECTORY_PROPERTY);
    System.setProperty(LineChart.DIRECTORY_PROPERTY, temp.toString());
    try {
      assertEquals(temp.toAbsolutePath(), LineChart.directory());
      String written = new LineChart("a test", "x", "y")
          .add("line", new double[] {0, 1, 2}, new double[] {1, 4, 9})
          .save("line-chart-test");
      Path file = Path.of(written);
      assertTrue(file.isAbsolute(), written); // outside the working directory: shown in full
      assertEquals(temp.resolve("line-chart-test.png"), file);
      assertTrue(Files.isRegularFile(file), written);
    } finally {
      if (previous == null) {
        System.clearProperty(LineChart.DIRECTORY_PROPERTY);
      } else {
        System.setProperty(LineChart.DIRECTORY_PROPERTY, previous);
      }
    }
  }

  @Test
  void logSpacedStepsThinOutByDecade() {
    int[] steps = LineChart.logSpacedSteps(3000);
    assertEquals(99 + 90 + 21, steps.length);
    assertEquals(1, steps[0]);
    assertEquals(99, steps[98]);
    assertEquals(100, steps[99]);
    assertEquals(110, steps[100]);
    assertEquals(3000, steps[steps.length - 1]);
    assertArrayEquals(new double[] {10, 30}, LineChart.pick(new double[] {0, 10, 20, 30}, new int[]
        {1, 3}), 0);
  }
}
