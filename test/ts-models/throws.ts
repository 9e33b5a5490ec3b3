throw new Error('the model could not be built');
