"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.880 R 0.990 F1 0.932
held out 93 pages (ids 8-f): P 0.862 R 0.951 F1 0.904
thresholds {'span_threshold': 0.45, 'extend_threshold': 0.12, 'extend_up_threshold': 0.12, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.99
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'log_chars', 'stop_density', 'stop_x_length', 'log_stops', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'repeated', 'position', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68135, 3.19884, 0.246192, 0.543964, 0.848344, 0.191125, 0.0935071, 0.67279, 0.0579411, 0.0804738, 0.315126, 0.493048, 0.106609, 0.107173, 0.113339, 1.67185, 0.190506, 0.245244, 0.12815, 1.68107, 0.191784, 0.245875,)
SCALE = (1, 1.05785, 1.22045, 0.281534, 0.697297, 1.09808, 0.393188, 0.222639, 0.366244, 0.154767, 0.272025, 0.464566, 0.285783, 0.308615, 0.309333, 0.198354, 0.924526, 0.326998, 0.190951, 0.160675, 0.834522, 0.291583, 0.146236,)
COEF = (-2.34548, 0.978486, -0.789274, -0.234997, 1.14747, -0.866976, 0.397675, 0.121967, -0.229997, 0.094363, 0.242147, 0.476305, -0.210957, -0.180509, -0.214875, -0.226888, 0.401225, 0.50072, 0.0441187, -0.24835, 1.39134, 0.165421, -0.830702,)
SPAN_THRESHOLD = 0.45
EXTEND_THRESHOLD = 0.12
EXTEND_UP_THRESHOLD = 0.12
INNER_THRESHOLD = 0.05
