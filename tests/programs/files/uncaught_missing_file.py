print('before')
open('/tmp/kaa_types_files_definitely_missing.bin', 'rb')
