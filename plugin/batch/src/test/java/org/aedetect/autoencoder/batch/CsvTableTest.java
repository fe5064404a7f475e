package org.aedetect.autoencoder.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable read(final String text) throws IOException {
        return CsvTable.read("test.csv", new StringReader(text));
    }

    @Test
    void numericColumnsAreThoseWhoseCellsAreAllNumbersOrMissing() throws IOException {
        CsvTable t = read("id,name,a,b,flag\n1,x,1.5,,true\n2,\"y, z\",-2e3,?,false\n3,w,.5,NaN,true\n");
        assertEquals(List.of("id", "a"), t.numericColumns(Set.of()));
        assertEquals(List.of("a"), t.numericColumns(Set.of("id")));
        assertEquals("y, z", t.row(1)[1]);
        double[][] values = t.values(List.of("a", "id"));
        assertArrayEquals(new double[] {-2000, 2}, values[1]);
    }

    @Test
    void missingCellsBecomeNaN() throws IOException {
        CsvTable t = read("a,b\n1,\n,NA\n3,4\n");
        assertEquals(List.of("a", "b"), t.numericColumns(Set.of()));
        double[][] v = t.values(List.of("a", "b"));
        assertTrue(Double.isNaN(v[0][1]) && Double.isNaN(v[1][0]) && Double.isNaN(v[1][1]));
    }

    @Test
    void textInANumericColumnNamesColumnAndRow() throws IOException {
        CsvTable t = read("a,b\n1,2\n3,oops\n");
        BatchFailure e = assertThrows(BatchFailure.class, () -> t.values(List.of("a", "b")));
        assertTrue(e.getMessage().contains("\"b\"") && e.getMessage().contains("\"oops\"")
            && e.getMessage().contains("data row 2"), e.getMessage());
    }

    @Test
    void rowsWithTheWrongNumberOfValuesAreRejected() {
        BatchFailure e = assertThrows(BatchFailure.class, () -> read("a,b\n1,2\n3\n"));
        assertTrue(e.getMessage().contains("1 values, but the header has 2 columns"), e.getMessage());
    }

    @Test
    void duplicateHeaderNamesAreRejected() {
        BatchFailure e = assertThrows(BatchFailure.class, () -> read("a,a\n1,2\n"));
        assertTrue(e.getMessage().startsWith("test.csv is not a readable CSV file"), e.getMessage());
    }
}
