"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.888 R 0.986 F1 0.934
held out 93 pages (ids 8-f): P 0.870 R 0.947 F1 0.907
thresholds {'span_threshold': 0.5, 'extend_threshold': 0.12, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.98
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'log_chars', 'stop_density', 'stop_x_length', 'log_stops', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'repeated', 'position', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.66259, 3.17724, 0.244958, 0.533413, 0.830133, 0.183369, 0.0924658, 0.678478, 0.0580871, 0.0769231, 0.309047, 0.491282, 0.110148, 0.110419, 0.11546, 1.65545, 0.183542, 0.244473, 0.125342, 1.66409, 0.1847, 0.244886,)
SCALE = (1, 1.04393, 1.20571, 0.282415, 0.688259, 1.08254, 0.386969, 0.222261, 0.364388, 0.154711, 0.266469, 0.4621, 0.285831, 0.313074, 0.313411, 0.196917, 0.91121, 0.319793, 0.189944, 0.150711, 0.819532, 0.281934, 0.143932,)
COEF = (-2.42232, 0.967674, -0.725271, -0.182497, 1.0103, -0.840933, 0.411924, 0.100567, -0.212, 0.0815512, 0.279986, 0.493657, -0.169206, -0.134433, -0.162145, -0.333001, 0.447253, 0.432098, 0.0442756, -0.185805, 1.31769, 0.178321, -0.811078,)
SPAN_THRESHOLD = 0.5
EXTEND_THRESHOLD = 0.12
INNER_THRESHOLD = 0.05
