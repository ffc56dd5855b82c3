PLUGIN = 'plugin loaded'
