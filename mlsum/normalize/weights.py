"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.875 R 0.988 F1 0.928 (4-fold cross-validated: P 0.877 R 0.990 F1 0.930)
held out 93 pages (ids 8-f): P 0.863 R 0.975 F1 0.916
thresholds {'span_threshold': 0.4, 'extend_threshold': 0.15, 'extend_up_threshold': 0.05, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.99 (cross-validated)
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'stop_density', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.6852, 0.247465, 0.192005, 0.0943371, 0.676309, 0.0540901, 0.0810939, 0.114614, 0.115184, 0.121736, 1.67366, 0.191419, 0.246128, 0.136288, 1.68515, 0.192884, 0.247165,)
SCALE = (1, 1.06198, 0.281617, 0.393877, 0.223811, 0.364095, 0.14907, 0.272979, 0.318556, 0.319244, 0.203854, 0.931305, 0.328385, 0.191859, 0.164606, 0.840708, 0.291352, 0.147792,)
COEF = (-2.31289, 0.0427419, 0.102341, 0.412796, 0.0943858, -0.258571, 0.126656, 0.369494, -0.211284, -0.258211, -0.206982, 0.377956, 0.502193, 0.0778205, -0.332474, 1.19439, 0.202317, -0.832676,)
SPAN_THRESHOLD = 0.4
EXTEND_THRESHOLD = 0.15
EXTEND_UP_THRESHOLD = 0.05
INNER_THRESHOLD = 0.05
