export default 'a diagram, honestly';
