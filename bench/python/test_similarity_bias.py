import numpy as np
import pandas as pd

import similarity_bias


def test_rows_of_reads_qspace_row_ids_as_file_lines():
    frame = pd.DataFrame({"smiles": ["C", "CC", "CCC", "CCCC"]})
    # the header is line 1: row2 is the first data row
    assert similarity_bias.rows_of(frame, ["row5", "row2"])["smiles"].tolist() == ["CCCC", "C"]


def test_line_recovers_a_known_trend():
    s = np.linspace(0.2, 0.9, 50)
    a, b = similarity_bias.line(s, 0.4 - 0.8 * s)
    assert abs(a - 0.4) < 1e-9 and abs(b + 0.8) < 1e-9


def test_nearest_is_the_greatest_tanimoto():
    fps = similarity_bias.fingerprints(["c1ccccc1O", "c1ccccc1N", "CCCCCCCC"])
    assert similarity_bias.nearest(fps[0], [fps[0], fps[2]]) == 1.0
    assert similarity_bias.nearest(fps[2], fps[:2]) < 0.2
