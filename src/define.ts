// Registers every tag. Safe to load twice: an existing tag is left alone.
import './elements/provider/define.js';
