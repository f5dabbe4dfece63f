"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.888 R 0.989 F1 0.935
held out 93 pages (ids 8-f): P 0.871 R 0.948 F1 0.908
thresholds {'span_threshold': 0.5, 'extend_threshold': 0.12, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.98
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'log_chars', 'stop_density', 'stop_x_length', 'log_stops', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'repeated', 'position', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.67165, 3.18798, 0.245723, 0.536725, 0.836903, 0.183038, 0.0935563, 0.675244, 0.0581579, 0.076579, 0.314815, 0.492988, 0.105117, 0.105386, 0.109583, 1.66408, 0.182919, 0.245145, 0.118748, 1.6727, 0.184327, 0.245646,)
SCALE = (1, 1.04478, 1.2067, 0.281786, 0.688038, 1.0828, 0.386698, 0.223526, 0.365077, 0.15429, 0.265922, 0.464442, 0.285574, 0.306704, 0.30705, 0.19276, 0.907948, 0.318545, 0.189212, 0.149251, 0.817506, 0.280789, 0.14346,)
COEF = (-2.41335, 0.956891, -0.729061, -0.199238, 1.05858, -0.874697, 0.424797, 0.108303, -0.194902, 0.0818035, 0.286026, 0.443026, -0.190819, -0.13479, -0.165453, -0.348409, 0.397059, 0.442516, 0.0551921, -0.196009, 1.30063, 0.226585, -0.832412,)
SPAN_THRESHOLD = 0.5
EXTEND_THRESHOLD = 0.12
INNER_THRESHOLD = 0.05
