// n8n loads the nodes and credentials listed in package.json's "n8n" field, so the published
// package has no "main". This file only lets `require('.')` resolve inside the repository.
module.exports = {};
