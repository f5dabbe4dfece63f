"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.880 R 0.990 F1 0.932
held out 93 pages (ids 8-f): P 0.862 R 0.951 F1 0.905
thresholds {'span_threshold': 0.45, 'extend_threshold': 0.12, 'extend_up_threshold': 0.12, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.99
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'log_chars', 'stop_density', 'stop_x_length', 'log_stops', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'repeated', 'position', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68146, 3.19904, 0.246215, 0.544041, 0.848453, 0.191179, 0.0935334, 0.672844, 0.0578634, 0.0804965, 0.315215, 0.493013, 0.106545, 0.107109, 0.113277, 1.67199, 0.19056, 0.245277, 0.128171, 1.68107, 0.191882, 0.245899,)
SCALE = (1, 1.05796, 1.22055, 0.281563, 0.697373, 1.09821, 0.39323, 0.222664, 0.36623, 0.154669, 0.27206, 0.464602, 0.285815, 0.308534, 0.309252, 0.198338, 0.92474, 0.327029, 0.190966, 0.160854, 0.834817, 0.291626, 0.146277,)
COEF = (-2.34437, 0.980082, -0.790571, -0.236075, 1.15088, -0.869454, 0.397913, 0.121308, -0.230504, 0.0947117, 0.24107, 0.474191, -0.21091, -0.179492, -0.21443, -0.226647, 0.399407, 0.503618, 0.0445086, -0.252194, 1.38938, 0.164959, -0.831112,)
SPAN_THRESHOLD = 0.45
EXTEND_THRESHOLD = 0.12
EXTEND_UP_THRESHOLD = 0.12
INNER_THRESHOLD = 0.05
